import { listGenerations } from "@/lib/flora/reads";
import { withPollPath } from "@/lib/gateway/poll-url";
import { generationListQuerySchema } from "@/lib/gateway/request-schemas";
import { gatewayJson } from "@/lib/gateway/respond";
import { route } from "@/lib/gateway/route";

// GET /api/v1/generations: generation history, newest first, FLORA's filters and cursors.
export const GET = route({ role: "viewer", query: generationListQuerySchema }, async ({ query }) => {
  const page = await listGenerations(query);
  return gatewayJson({ generations: page.generations.map((run) => withPollPath(run)), meta: page.meta });
});
