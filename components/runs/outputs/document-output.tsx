/** The browser shows PDFs inline; for other documents (or none it can show) the link remains. */
const INLINE_EXTENSIONS = /\.pdf$/i;

function canShowInline(src: string): boolean {
  const path = new URL(src).pathname;
  return INLINE_EXTENSIONS.test(path) || !/\.[a-z0-9]{2,5}$/i.test(path);
}

/**
 * An iframe, not an `<object>`: the pages' policy has `object-src 'none'`. The frame holds
 * the media host's own document, under that host's policy, never one of ours.
 */
export function DocumentOutput({ src, name, downloadHref }: { src: string; name: string; downloadHref: string }) {
  if (!canShowInline(src)) {
    return <p className="rounded bg-black/5 p-4 text-sm">This document cannot be previewed here; download it to open it.</p>;
  }
  return (
    <div className="space-y-1">
      <iframe src={src} title={name} className="h-[28rem] w-full rounded border border-black/10" />
      <p className="text-xs text-muted">
        Blank or not shown?{" "}
        <a href={downloadHref} download className="text-accent underline">
          Download it
        </a>{" "}
        instead.
      </p>
    </div>
  );
}
