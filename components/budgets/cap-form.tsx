"use client";

import { useId, useState, type FormEvent } from "react";
import { capText, parseCapInput } from "@/components/budgets/cap-amount";

interface CapFormProps {
  /** The field's accessible name, e.g. "Monthly budget of ana@example.com (USD)". */
  label: string;
  /** Shown instead of the label where the context already says whose it is (a table cell). */
  visibleLabel?: string;
  /** PUT target: /api/admin/budget or /api/admin/users/{id}/budget. */
  path: string;
  initialUsd: number | null;
}

type Message = { text: string; error: boolean } | null;

/** One monthly cap, edited in place: dollars, or "none" (or nothing) to remove it; Enter saves. */
export function CapForm({ label, visibleLabel, path, initialUsd }: CapFormProps) {
  const id = useId();
  const [text, setText] = useState(capText(initialUsd));
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseCapInput(text);
    if (!parsed.ok) return setMessage({ text: parsed.message, error: true });
    setSaving(true);
    setMessage(null);
    try {
      const response = await fetch(path, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ monthly_usd: parsed.usd }) });
      const body = (await response.json().catch(() => null)) as { monthly_usd?: number | null; error?: { message?: string } } | null;
      if (!response.ok) return setMessage({ text: body?.error?.message ?? `The server answered ${response.status}.`, error: true });
      const saved = body?.monthly_usd ?? null;
      setText(capText(saved));
      setMessage({ text: saved === null ? "No cap." : "Saved.", error: false });
    } catch {
      setMessage({ text: "That did not work.", error: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" noValidate>
      <label htmlFor={id} className={visibleLabel ? "text-xs text-muted" : "sr-only"}>
        {visibleLabel ? (
          <>
            {visibleLabel}
            <span className="sr-only"> ({label})</span>
          </>
        ) : (
          label
        )}
      </label>
      <span className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="text-muted">
          $
        </span>
        <input
          id={id}
          value={text}
          onChange={(event) => setText(event.target.value)}
          inputMode="decimal"
          placeholder="none"
          aria-invalid={message?.error ? true : undefined}
          aria-describedby={message ? `${id}-message` : undefined}
          className="w-24 rounded-md border border-black/20 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-rose-600"
        />
      </span>
      <button type="submit" disabled={saving} className="rounded-md border border-black/20 px-2 py-1 text-xs font-medium hover:bg-black/5 disabled:opacity-60">
        Save<span className="sr-only"> {label}</span>
      </button>
      {message && (
        <span id={`${id}-message`} role={message.error ? "alert" : "status"} className={`text-xs ${message.error ? "text-rose-800" : "text-emerald-800"}`}>
          {message.text}
        </span>
      )}
    </form>
  );
}
