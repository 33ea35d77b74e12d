/** The browser shows PDFs inline; for other documents (or none it can show) the link remains. */
const INLINE_EXTENSIONS = /\.pdf$/i;

function canShowInline(src: string): boolean {
  const path = new URL(src).pathname;
  return INLINE_EXTENSIONS.test(path) || !/\.[a-z0-9]{2,5}$/i.test(path);
}

export function DocumentOutput({ src, name, downloadHref }: { src: string; name: string; downloadHref: string }) {
  if (!canShowInline(src)) {
    return <p className="rounded bg-black/5 p-4 text-sm">This document cannot be previewed here; download it to open it.</p>;
  }
  return (
    <object data={src} type="application/pdf" aria-label={name} className="h-[28rem] w-full rounded border border-black/10">
      <p className="p-4 text-sm">
        This browser cannot show the document inline.{" "}
        <a href={downloadHref} download className="text-accent underline">
          Download it
        </a>{" "}
        instead.
      </p>
    </object>
  );
}
