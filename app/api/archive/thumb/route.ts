import { thumbQuery, thumbResponse } from "@/lib/archive/archive-api";
import { route } from "@/lib/http/route";

// GET /api/archive/thumb?run_id=…&output_id=…&size=row|grid: a history thumbnail (WebP) made
// at archive time. Any signed-in user; 404 when the output has none.
export const GET = route({ role: "viewer", query: thumbQuery }, ({ query }) => thumbResponse(query));
