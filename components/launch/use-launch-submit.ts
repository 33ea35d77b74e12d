"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { launchFailureMessage, newIdempotencyKey, type LaunchFailure } from "@/components/launch/launch-request";

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
  const [failure, setFailure] = useState<{ failure: LaunchFailure; message: string } | null>(null);

  async function submit(body: unknown) {
    // A second click in the same frame, before the button re-renders disabled, stops here.
    if (inFlight.current) return;
    inFlight.current = true;
    const fingerprint = JSON.stringify(body);
    if (submission.current?.fingerprint !== fingerprint) submission.current = { fingerprint, key: newIdempotencyKey() };
    setPhase("sending");
    setFailure(null);
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": submission.current.key },
        body: fingerprint,
      });
      if (response.ok) {
        setPhase("opening");
        router.push(runHrefOf((await response.json()) as Answer));
        return;
      }
      const envelope = (await response.json().catch(() => null)) as { error?: Partial<LaunchFailure> } | null;
      const failed: LaunchFailure = {
        status: response.status,
        code: envelope?.error?.code ?? "unknown_error",
        message: envelope?.error?.message ?? `The dashboard answered ${response.status}.`,
        fields: envelope?.error?.fields ?? [],
      };
      setFailure({ failure: failed, message: launchFailureMessage(failed, response.headers.get("retry-after")) });
    } catch {
      const failed: LaunchFailure = { status: 0, code: "network_error", message: "The dashboard could not be reached.", fields: [] };
      setFailure({ failure: failed, message: launchFailureMessage(failed, null) });
    }
    inFlight.current = false;
    setPhase("idle");
  }

  const fieldErrors = Object.fromEntries((failure?.failure.fields ?? []).map((field) => [field.field, field.message]));
  return { submit, phase, failure, fieldErrors };
}
