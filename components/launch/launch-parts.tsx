/** Pieces every launch form shares: the button, the failure notice, the viewer's notice. */

export function LaunchButton({ phase, disabled, label = "Launch" }: { phase: "idle" | "sending" | "opening"; disabled: boolean; label?: string }) {
  return (
    <button
      type="submit"
      disabled={disabled || phase !== "idle"}
      aria-busy={phase !== "idle"}
      className="ml-auto rounded-md bg-accent px-5 py-2 font-medium text-white disabled:opacity-60"
    >
      {phase === "sending" ? "Launching…" : phase === "opening" ? "Opening the run…" : label}
    </button>
  );
}

export function LaunchFailureNotice({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900">
      {message}
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
