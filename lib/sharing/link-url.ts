import "server-only";
import type { NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { servedOverHttps } from "@/lib/http/served-over-https";

/**
 * The absolute address of a new link: under PUBLIC_URL when set, else the host the
 * teammate reached (route() has already refused a POST whose Origin names another host, so
 * this is the origin in their address bar, behind a proxy too).
 */
export function absoluteLinkUrl(request: NextRequest, path: string): string {
  const configured = getEnv().PUBLIC_URL;
  if (configured) return new URL(path, configured).toString();
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  const scheme = servedOverHttps(request.url, request.headers.get("x-forwarded-proto")) ? "https" : "http";
  return new URL(path, `${scheme}://${host}`).toString();
}
