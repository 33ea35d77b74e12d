import { receiveFloraWebhook } from "@/lib/webhooks/default-receiver";

// POST /api/webhooks/flora: FLORA's signed "run ended" webhook (a launch's callback_url when
// PUBLIC_URL is set). Outside the route wrapper on purpose: FLORA has no session or token.
// The signature is its credential (FLORA_WEBHOOK_SECRET), checked before anything is read
// or changed; the route is limited per client address and by body size, and answers 404
// when PUBLIC_URL is not set. See lib/webhooks/receive-webhook.ts.
export const POST = receiveFloraWebhook;
