/** Gateway answers: JSON that no shared cache may keep (every answer is per-session). */
export function gatewayJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { "cache-control": "private, no-store", ...init.headers },
  });
}
