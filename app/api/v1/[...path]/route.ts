import { ApiError } from "@/lib/errors/api-error";
import { route } from "@/lib/http/route";
import { z } from "zod";

// Any other /api/v1 path: not part of the gateway. Signed-in callers get 404, others 401.
const anyPath = z.object({ path: z.array(z.string()) }).strict();
const notFound = route({ role: "viewer", params: anyPath }, async () => {
  throw new ApiError("not_found", "The dashboard's API has no such path.");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
