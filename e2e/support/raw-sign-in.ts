import http from "node:http";

/**
 * Signs in through next-auth's own endpoints over plain HTTP from a chosen loopback source
 * address (any 127.0.0.0/8 address reaches a server on 127.0.0.1 on Linux), so a test can be
 * a different client address for real instead of claiming one in a header, which the
 * dashboard ignores.
 */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

const cookiePairs = (headers: http.IncomingHttpHeaders) => (headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!);

export interface RawSignIn {
  /** next-auth's error code (CredentialsSignin, TooManyAttempts, …), or null when signed in. */
  error: string | null;
  /** The session cookie (`name=value`) when signed in. */
  sessionCookie: string | null;
}

export async function rawSignIn(
  baseURL: string,
  email: string,
  password: string,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<RawSignIn> {
  const csrf = await rawRequest(`${baseURL}/api/auth/csrf`, { localAddress: options.localAddress, headers: options.headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await rawRequest(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress: options.localAddress,
    headers: {
      ...options.headers,
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiePairs(csrf.headers).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = cookiePairs(answer.headers).find((pair) => /^(__Secure-)?next-auth\.session-token=/.test(pair)) ?? null;
  // With json=true next-auth answers { url } (200 on success, 401 on a refusal); the URL's
  // `error` names why, as the sign-in page would show it.
  const target = answer.headers.location ?? jsonUrl(answer.body);
  const error = target ? new URL(target, baseURL).searchParams.get("error") : null;
  return { error: session ? null : (error ?? `status ${answer.status}`), sessionCookie: session };
}

function jsonUrl(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { url?: string }).url;
  } catch {
    return undefined;
  }
}
