"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { launchFailureMessage, newIdempotencyKey, unreachableDashboard } from "@/components/launch/launch-request";
import { DashboardApiError, fetchJson } from "@/lib/queries/fetch-json";

type Phase = "idle" | "sending" | "opening";

/**
 * Sends a launch once. A submission keeps its Idempotency-Key for as long as its contents
 * stay the same, so a double click, or a retry after a lost answer, starts one paid run;
 * changing anything makes it a new launch with a new key. On success it opens the run.
 */
export function useLaunchSubmit<Answer>(endpoint: string, runHrefOf: (answer: Answer) => string) {
  const router = useRouter();
  const submission = useRef<{ fingerprint: string; key: string } | null>(null);
  const inFlight = useRef(false);
  const [phase, setPhase] = useState<Phase>("idle");
  const [failure, setFailure] = useState<{ failure: DashboardApiError; message: string } | null>(null);

  async function submit(body: unknown) {
    // A second click in the same frame, before the button re-renders disabled, stops here.
    if (inFlight.current) return;
    inFlight.current = true;
    const fingerprint = JSON.stringify(body);
    if (submission.current?.fingerprint !== fingerprint) submission.current = { fingerprint, key: newIdempotencyKey() };
    setPhase("sending");
    setFailure(null);
    try {
      const answer = await fetchJson<Answer>(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": submission.current.key },
        body: fingerprint,
      });
      setPhase("opening");
      router.push(runHrefOf(answer));
      return;
    } catch (error) {
      const failed = error instanceof DashboardApiError ? error : unreachableDashboard();
      setFailure({ failure: failed, message: launchFailureMessage(failed) });
    }
    inFlight.current = false;
    setPhase("idle");
  }

  const fieldErrors = Object.fromEntries((failure?.failure.fields ?? []).map((field) => [field.field, field.message]));
  return { submit, phase, failure, fieldErrors };
}
