import { useId } from "react";

export const inputClass =
  "w-full min-w-0 rounded-md border border-black/20 bg-white px-3 py-2 text-sm disabled:bg-black/5 aria-[invalid=true]:border-rose-600";

export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  "aria-required"?: boolean;
}

/** The one marker of a required field: a star after its label (read as "required" from aria-required). */
function RequiredStar() {
  return (
    <span aria-hidden="true" className="ml-0.5 font-semibold text-rose-800">
      *
    </span>
  );
}

/**
 * A labelled control with its description and error, wired for assistive technology: the
 * label names the control, and the description and error are read with it.
 */
export function Field({
  label,
  description,
  error,
  hint,
  required,
  children,
}: {
  label: React.ReactNode;
  description?: string;
  error?: string;
  /** Marks the label with a star and the control with aria-required. */
  required?: boolean;
  /** Right-aligned next to the label, e.g. a character count. */
  hint?: React.ReactNode;
  children: (control: FieldControlProps) => React.ReactNode;
}) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
          {required && <RequiredStar />}
        </label>
        {hint}
      </div>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, "aria-required": required || undefined })}
      {description && (
        <p id={descriptionId} className="text-xs text-muted">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-rose-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of controls (radios, rows) under one legend, with the same description and error. */
export function FieldGroup({
  legend,
  description,
  error,
  required,
  children,
  className = "",
}: {
  legend: React.ReactNode;
  description?: string;
  error?: string;
  required?: boolean;
  children: React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset className={`space-y-2 ${className}`} aria-describedby={[description && `${id}-d`, error && `${id}-e`].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium">
        {legend}
        {required && <RequiredStar />}
      </legend>
      {description && (
        <p id={`${id}-d`} className="text-xs text-muted">
          {description}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-e`} className="text-xs font-medium text-rose-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
