"use client";

import { useEffect, useState } from "react";
import type { LaunchPhase } from "@/components/launch/use-launch-submit";
import { plural } from "@/lib/money";

/** Pieces every launch form shares: the sticky footer, the button, the notices. */

export function LaunchButton({ phase, disabled, label = "Launch" }: { phase: LaunchPhase; disabled: boolean; label?: string }) {
  return (
    <button
      type="submit"
      disabled={disabled || phase !== "idle"}
      aria-busy={phase === "sending" || phase === "opening"}
      className="ml-auto shrink-0 rounded-md bg-accent px-5 py-2 font-medium text-white disabled:opacity-60"
    >
      {phase === "sending" ? "Launching…" : phase === "opening" ? "Opening the run…" : label}
    </button>
  );
}

/** Seconds left until `endsAt`, ticking once a second (the wait's component mounts with the wait). */
function useSecondsLeft(endsAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [endsAt]);
  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}

/** A launch waiting out FLORA's rate limit: how long is left, and a way out. */
function RateLimitWait({ endsAt, onCancel }: { endsAt: number; onCancel: () => void }) {
  const left = useSecondsLeft(endsAt);
  return (
    <div role="status" className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="min-w-0 flex-1">
        FLORA is rate limiting the team&apos;s key. Launching again in{" "}
        <strong className="tabular-nums" data-testid="rate-limit-countdown">
          {plural(left, "second")}
        </strong>{" "}
        (same launch, same key).
      </p>
      <button type="button" onClick={onCancel} className="rounded-md border border-amber-900/30 bg-white px-3 py-1 font-medium">
        Cancel
      </button>
    </div>
  );
}

/**
 * The estimate and the launch button, stuck to the bottom of the viewport while the form
 * scrolls, on a phone too; a rate-limit wait takes the button's place.
 */
export function LaunchFooter({
  estimate,
  phase,
  disabled,
  label,
  waitEndsAt,
  onCancel,
}: {
  estimate: React.ReactNode;
  phase: LaunchPhase;
  disabled: boolean;
  label?: string;
  waitEndsAt: number | null;
  onCancel: () => void;
}) {
  return (
    <div
      data-testid="launch-footer"
      className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-black/10 bg-canvas/95 px-4 py-3 backdrop-blur sm:mx-0 sm:px-0"
    >
      {/* A long button label wraps onto its own line rather than squeezing the estimate. */}
      <div className="min-w-0 grow basis-60 text-sm" data-testid="launch-estimate">
        {estimate}
      </div>
      {phase === "waiting" && waitEndsAt !== null ? (
        <RateLimitWait endsAt={waitEndsAt} onCancel={onCancel} />
      ) : (
        <LaunchButton phase={phase} disabled={disabled} label={label} />
      )}
    </div>
  );
}

export function LaunchFailureNotice({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900">
      {message}
    </p>
  );
}

export function CancelledNotice() {
  return (
    <p role="status" className="rounded-md border border-black/10 bg-white p-3 text-sm">
      Launch cancelled: nothing was sent. Your form is kept.
    </p>
  );
}

export function ReadOnlyNotice() {
  return (
    <p role="note" className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
      You are signed in as a viewer, so this form is read-only: only members and admins can launch runs, because each launch
      spends the team&apos;s credits. An admin can change your role.
    </p>
  );
}

/** Shown once at the top of a form: the marker that follows each required field's label. */
export function RequiredLegend() {
  return (
    <p className="text-xs text-muted">
      Fields marked <span aria-hidden="true" className="font-semibold text-rose-800">*</span>
      <span className="sr-only">with a star</span> are required.
    </p>
  );
}
