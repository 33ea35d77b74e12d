/** A same-origin download of one output through the dashboard (so `download` is honoured). */
export function DownloadLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className="text-sm font-medium text-accent underline underline-offset-2">
      {label}
    </a>
  );
}
