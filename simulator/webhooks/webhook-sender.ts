import { randomBytes } from "node:crypto";
import type { WebhookEvent } from "@flora-ai/flora/lib/webhooks";
import type { RunRecord } from "../runs/run-record";
import { signatureHeader } from "./sign";

export const WEBHOOK_API_VERSION = "2026-06-11";
const MAX_RETRIES = 3;
const BACKOFF_MS = 500;
const ATTEMPT_TIMEOUT_MS = 5000;

export interface WebhookDelivery {
  webhook_id: string;
  run_id: string;
  url: string;
  attempt: number;
  /** HTTP status answered, null when the request itself failed. */
  status: number | null;
  error: string | null;
  time: number;
}

/** Sends the run.completed / run.failed callback when a run reaches its end time. */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private abort = new AbortController();
  private log: WebhookDelivery[] = [];

  constructor(
    private readonly secret: string,
    private readonly now: () => number,
  ) {}

  schedule(run: RunRecord): void {
    if (!run.callbackUrl) return;
    this.later(Math.max(0, run.endsAt - this.now()), () => this.deliver(run, this.event(run), 1));
  }

  deliveries(): readonly WebhookDelivery[] {
    return this.log;
  }

  /** Stops every pending delivery (close and reset). */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.abort.abort();
    this.abort = new AbortController();
    this.log = [];
  }

  private event(run: RunRecord): WebhookEvent {
    const failed = run.outcome === "failed";
    return {
      id: `whd_${randomBytes(12).toString("hex")}`,
      type: failed ? "run.failed" : "run.completed",
      api_version: WEBHOOK_API_VERSION,
      created_at: this.now(),
      data: {
        run_id: run.id,
        run_type: run.kind,
        workspace_id: run.workspaceId,
        status: run.outcome,
        ...(failed ? { error_code: run.errorCode ?? "internal_error", error_message: run.errorMessage ?? "" } : {}),
      },
    };
  }

  private later(ms: number, task: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void task();
    }, ms);
    this.timers.add(timer);
  }

  private async deliver(run: RunRecord, event: WebhookEvent, attempt: number): Promise<void> {
    const url = run.callbackUrl ?? "";
    const cancelled = this.abort.signal;
    const body = JSON.stringify(event);
    const record: WebhookDelivery = {
      webhook_id: event.id, run_id: run.id, url, attempt, status: null, error: null, time: this.now(),
    };
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "flora-signature": signatureHeader(body, this.secret, Math.floor(this.now() / 1000)),
          "flora-webhook-id": event.id,
          "flora-event": event.type,
          "user-agent": "FLORA-Simulator-Webhooks/1.0",
        },
        body,
        signal: AbortSignal.any([cancelled, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      record.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      if (cancelled.aborted) return;
      record.error = error instanceof Error ? error.message : String(error);
    }
    this.log.push(record);
    const delivered = record.status !== null && record.status >= 200 && record.status < 300;
    if (!delivered && attempt <= MAX_RETRIES) {
      this.later(BACKOFF_MS * 2 ** (attempt - 1), () => this.deliver(run, event, attempt + 1));
    }
  }
}
