import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookDelivery } from "./webhooks/webhook-sender";
import { startFixture, waitFor, type SimFixture } from "./testing/sim-fixture";
import { startReceiver } from "./testing/webhook-receiver";

let fx: SimFixture;
beforeAll(async () => {
  fx = await startFixture({ runSeconds: 0.2 });
});
afterAll(() => fx.sim.close());

describe("webhooks", () => {
  it("retries a failed delivery under the same id", async () => {
    const receiver = await startReceiver([500]);
    try {
      const created = await fx.client().techniques.runs.create("tech_voiceovr", {
        inputs: [{ id: "script", type: "text", value: "Hello there" }], mode: "async", callback_url: receiver.url,
      });
      await waitFor(async () => receiver.received.length, (n) => n >= 2);
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received;
      expect(first?.headers["flora-webhook-id"]).toBe(second?.headers["flora-webhook-id"]);
      const event = await fx.client().webhooks.unwrap(second?.rawBody ?? "", second?.headers ?? {}, fx.sim.options.webhookSecret);
      expect(event.data).toEqual({ run_id: created.run_id, run_type: "technique", workspace_id: "ws_northwind", status: "completed" });
      const log = ((await (await fx.control("/webhooks")).json()) as { deliveries: WebhookDelivery[] }).deliveries;
      expect(log.map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 200]]);
    } finally {
      await receiver.close();
    }
  });

  it("is refused with the wrong secret", async () => {
    const receiver = await startReceiver();
    try {
      await fx.client().generations.create({
        type: "audio", prompt: "a chime", workspace_id: "ws_atlaslabs", project_id: "prj_podcastintro", callback_url: receiver.url,
      });
      await waitFor(async () => receiver.received.length, (n) => n > 0);
      const hook = receiver.received[0];
      await expect(fx.client().webhooks.unwrap(hook?.rawBody ?? "", hook?.headers ?? {}, "whsec_wrong")).rejects.toThrow();
    } finally {
      await receiver.close();
    }
  });
});
