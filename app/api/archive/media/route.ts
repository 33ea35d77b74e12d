import { archivedMediaQuery, archivedMediaResponse } from "@/lib/archive/archive-api";
import { route } from "@/lib/http/route";

// GET /api/archive/media?run_id=…&output_id=…: an archived output, inline, for the run page
// once FLORA's URL may have expired; one Range for players that seek. Any signed-in user;
// 404 when it is not archived.
export const GET = route({ role: "viewer", query: archivedMediaQuery }, ({ query, request }) => archivedMediaResponse(query, request.headers.get("range")));
