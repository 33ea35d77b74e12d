"use client";

import { useState } from "react";
import { inputClass, type FieldControlProps } from "@/components/forms/field";

/**
 * A list of text values: type one and press Enter (or Add); each tag has its own remove
 * button, and an error of one entry (`entryErrors[index]`) is shown on that entry.
 */
export function TagInput({
  control,
  values,
  onChange,
  disabled,
  itemName,
  entryErrors = {},
  url = false,
}: {
  control: FieldControlProps;
  values: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
  itemName: string;
  entryErrors?: Record<number, string>;
  /** Entries are URLs: a URL keyboard on phones. */
  url?: boolean;
}) {
  const [text, setText] = useState("");
  const add = () => {
    const value = text.trim();
    if (!value) return;
    onChange([...values, value]);
    setText("");
  };
  return (
    <div className="space-y-2">
      {values.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={`${itemName} entries`}>
          {values.map((value, index) => (
            <li
              key={`${value}-${index}`}
              className={`inline-flex min-w-0 max-w-full flex-wrap items-center gap-1 rounded-2xl py-0.5 pl-3 pr-1 text-sm ${entryErrors[index] ? "border border-rose-600 bg-rose-50" : "bg-black/5"}`}
            >
              <span className="min-w-0 break-all">{value}</span>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onChange(values.filter((_, other) => other !== index))}
                aria-label={`Remove ${value}`}
                className="rounded-full px-1.5 text-muted hover:bg-black/10"
              >
                ×
              </button>
              {entryErrors[index] && <span className="w-full pb-0.5 text-xs font-medium text-rose-800">{`Entry ${index + 1}: ${entryErrors[index]}`}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input
          {...control}
          type={url ? "url" : "text"}
          inputMode={url ? "url" : undefined}
          placeholder={url ? "https://" : undefined}
          value={text}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
          // Leaving the box keeps what was typed, so a value is not lost for want of Enter.
          onBlur={add}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          className={inputClass}
        />
        <button type="button" onClick={add} disabled={disabled || !text.trim()} className="rounded-md border border-black/15 bg-white px-3 text-sm font-medium disabled:opacity-50">
          Add
        </button>
      </div>
    </div>
  );
}
