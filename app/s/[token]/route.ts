import { publicDeps } from "@/lib/sharing/public-deps";
import { publicPageHandler } from "@/lib/sharing/public-handlers";

// GET /s/{token}: a public link, for people outside the team. No session, on purpose; the
// token is the credential. Limited per client address, noindex, never cached or sent on
// as a Referer; a revoked or expired link is a plain 410 page, an unknown one 404.
// A route handler, not a page: a page cannot answer 410 (lib/sharing/public-page-html.ts).
export const dynamic = "force-dynamic";

const handle = publicPageHandler(publicDeps);

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return handle(request, (await params).token);
}
