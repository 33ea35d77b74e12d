"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { launchFailureMessage, newIdempotencyKey, unreachableDashboard } from "@/components/launch/launch-request";
import { DashboardApiError, fetchJson } from "@/lib/queries/fetch-json";

export type LaunchPhase = "idle" | "sending" | "waiting" | "opening";

/** A rate limit longer than this is said, not waited out: the teammate decides when. */
export const MAX_RATE_LIMIT_WAIT_MS = 120_000;

/**
 * Sends a launch once. A submission keeps its Idempotency-Key for as long as its contents
 * stay the same, so a double click, or a retry after a lost answer, starts one paid run;
 * changing anything makes it a new launch with a new key. On success it opens the run.
 *
 * A 429 with a Retry-After up to two minutes is waited out in the open: the phase is
 * "waiting", `waitEndsAt` says until when, and `cancel()` ends the wait with nothing sent.
 * When the wait ends, the same submission (same key) is sent again.
 */
export function useLaunchSubmit<Answer>(endpoint: string, runHrefOf: (answer: Answer) => string) {
  const router = useRouter();
  const submission = useRef<{ fingerprint: string; key: string } | null>(null);
  const inFlight = useRef(false);
  const waitTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [phase, setPhase] = useState<LaunchPhase>("idle");
  const [waitEndsAt, setWaitEndsAt] = useState<number | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [failure, setFailure] = useState<{ failure: DashboardApiError; message: string } | null>(null);

  // Leaving the form ends a wait: nothing is sent from a page the teammate has left.
  useEffect(() => () => {
    if (waitTimer.current) clearTimeout(waitTimer.current);
  }, []);

  async function send(fingerprint: string) {
    setPhase("sending");
    setFailure(null);
    setWaitEndsAt(null);
    try {
      const answer = await fetchJson<Answer>(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": submission.current!.key },
        body: fingerprint,
      });
      setPhase("opening");
      router.push(runHrefOf(answer));
      return;
    } catch (error) {
      const failed = error instanceof DashboardApiError ? error : unreachableDashboard();
      if (failed.code === "rate_limited" && failed.retryAfterMs && failed.retryAfterMs <= MAX_RATE_LIMIT_WAIT_MS) {
        setPhase("waiting");
        setWaitEndsAt(Date.now() + failed.retryAfterMs);
        waitTimer.current = setTimeout(() => {
          waitTimer.current = null;
          void send(fingerprint);
        }, failed.retryAfterMs);
        return;
      }
      setFailure({ failure: failed, message: launchFailureMessage(failed) });
    }
    inFlight.current = false;
    setPhase("idle");
  }

  async function submit(body: unknown) {
    // A second click in the same frame, before the button re-renders disabled, stops here.
    if (inFlight.current) return;
    inFlight.current = true;
    setCancelled(false);
    const fingerprint = JSON.stringify(body);
    if (submission.current?.fingerprint !== fingerprint) submission.current = { fingerprint, key: newIdempotencyKey() };
    await send(fingerprint);
  }

  /** Ends a rate-limit wait; nothing more is sent for this submission. */
  function cancel() {
    if (waitTimer.current) clearTimeout(waitTimer.current);
    waitTimer.current = null;
    inFlight.current = false;
    setWaitEndsAt(null);
    setCancelled(true);
    setPhase("idle");
  }

  const fields = failure?.failure.fields ?? [];
  return { submit, cancel, phase, failure, fields, waitEndsAt, cancelled };
}
