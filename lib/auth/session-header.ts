/** Header the proxy sets with the requested path and query, for the sign-in round trip. */
export const REQUEST_PATH_HEADER = "x-atelier-path";
