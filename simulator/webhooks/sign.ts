import { createHmac } from "node:crypto";

/** Stripe-style header the SDK's webhooks.unwrap verifies: t=<unix s>,v1=<hex HMAC of "t.body">. */
export function signatureHeader(rawBody: string, secret: string, unixSeconds: number): string {
  const digest = createHmac("sha256", secret).update(`${unixSeconds}.${rawBody}`).digest("hex");
  return `t=${unixSeconds},v1=${digest}`;
}
