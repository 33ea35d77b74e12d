export function ProgressBar({ value, label }: { value: number; label: string }) {
  const rounded = Math.round(value);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={rounded}
      className="h-1.5 w-24 overflow-hidden rounded-full bg-black/10"
    >
      <div className="h-full bg-accent transition-[width]" style={{ width: `${rounded}%` }} />
    </div>
  );
}
