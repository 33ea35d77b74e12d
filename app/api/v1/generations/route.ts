import { listGenerations } from "@/lib/flora/reads";
import { withPollPath } from "@/lib/http/poll-url";
import { generationListQuerySchema } from "@/lib/flora/request-schemas";
import { gatewayJson } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

// GET /api/v1/generations: generation history, newest first, FLORA's filters and cursors.
export const GET = route({ role: "viewer", query: generationListQuerySchema }, async ({ query }) => {
  const page = await listGenerations(query);
  return gatewayJson({ generations: page.generations.map((run) => withPollPath(run)), meta: page.meta });
});
