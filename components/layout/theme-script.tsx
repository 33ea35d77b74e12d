import { headers } from "next/headers";
import { THEME_SCRIPT } from "@/components/layout/theme";

/**
 * The theme script for <head>, carrying the request's CSP nonce: proxy.ts puts the page's
 * policy on the request, and a script without its nonce would be refused.
 */
export async function ThemeScript() {
  const policy = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  // The browser hides a nonce from the DOM once it has read it, so hydration sees an empty one.
  // The script is a compile-time constant (theme.ts): no run output, prompt or request value
  // ever reaches this HTML.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
