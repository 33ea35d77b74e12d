import { publicDeps } from "@/lib/sharing/public-deps";
import { publicMediaHandler } from "@/lib/sharing/public-handlers";

// GET /s/{token}/media/{outputId}: one output of a public link's run, with the same token
// check and per-address limit as the page; from the archive when the run is archived (so
// the link outlives FLORA's URL), else through the hardened fetcher. Sandboxed, nosniff.
export const dynamic = "force-dynamic";

const handle = publicMediaHandler(publicDeps);

export async function GET(request: Request, { params }: { params: Promise<{ token: string; outputId: string }> }) {
  const { token, outputId } = await params;
  return handle(request, token, outputId);
}
