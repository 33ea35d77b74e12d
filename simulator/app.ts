import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApi } from "./api/api-handler";
import { handleControl } from "./control/control-routes";
import { ApiError } from "./http/api-error";
import { sendError } from "./http/reply";
import { createMediaHandler } from "./media/media-routes";
import { API_PREFIX } from "./options";
import type { SimState } from "./state/sim-state";

/** Splits traffic three ways: the API, media (public, like a CDN) and the /_sim controls. */
export function createRequestListener(sim: SimState): (req: IncomingMessage, res: ServerResponse) => void {
  const handleMedia = createMediaHandler(sim);
  return (req, res) => {
    res.setHeader("request-id", `req_${randomBytes(12).toString("hex")}`);
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const route = async () => {
      if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) return handleApi(req, res, sim, url);
      if (url.pathname.startsWith("/media/")) return handleMedia(req, res, url);
      if (url.pathname.startsWith("/_sim/")) return handleControl(req, res, sim, url);
      sendError(res, new ApiError(404, "not_found", "Not found."));
    };
    route().catch((error: unknown) => {
      console.error("simulator: request failed", error);
      if (!res.headersSent) sendError(res, new ApiError(500, "unknown_error", "An unknown error occurred."));
      else res.destroy();
    });
  };
}
