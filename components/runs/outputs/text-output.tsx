import { CopyButton } from "@/components/ui/copy-button";

/** Text outputs are untrusted: React renders them as text, so markup in them is shown, never run. */
export function TextOutput({ text, name }: { text: string; name: string }) {
  return (
    <div className="space-y-2">
      <pre
        aria-label={name}
        className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-black/5 p-3 font-mono text-sm"
      >
        {text}
      </pre>
      <CopyButton label={`Copy ${name}`} text={() => text} copiedMessage="Text copied." />
    </div>
  );
}
