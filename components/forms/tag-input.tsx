"use client";

import { useState } from "react";
import { inputClass, type FieldControlProps } from "@/components/forms/field";

/** A list of text values: type one and press Enter (or Add); each tag has its own remove button. */
export function TagInput({ control, values, onChange, disabled, itemName }: { control: FieldControlProps; values: string[]; onChange: (values: string[]) => void; disabled?: boolean; itemName: string }) {
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
            <li key={`${value}-${index}`} className="inline-flex items-center gap-1 rounded-full bg-black/5 py-0.5 pl-3 pr-1 text-sm">
              <span className="break-all">{value}</span>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onChange(values.filter((_, other) => other !== index))}
                aria-label={`Remove ${value}`}
                className="rounded-full px-1.5 text-muted hover:bg-black/10"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input
          {...control}
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
