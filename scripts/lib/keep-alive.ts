/**
 * How long the production server keeps an idle keep-alive connection open.
 *
 * Longer than any proxy in front of it keeps its idle connections to the server: a proxy
 * (Caddy's default is 2 minutes, deploy/Caddyfile sets 60 s; cloud load balancers commonly
 * 60 s) that reuses a connection the server has just closed writes the request into a dead
 * socket, and the teammate gets a 502, or a POST that is not retried. Node's default, 5 s,
 * is shorter than all of them. The same race hit an SDK script whose connection sat idle for
 * about 5 s between two calls ("other side closed"). Idle connections cost a socket each,
 * and a stopping server closes them at once (server-shutdown.ts), so this delays no drain.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 75_000;
