/** An output whose URL is not http(s): said plainly, with the URL as inert text, never as a link. */
export function RefusedOutput({ url, name }: { url: string; name: string }) {
  return (
    <div role="note" className="rounded border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900">
      <p className="font-medium">Not shown: {name} has a URL that is not an http(s) address.</p>
      <p className="mt-1 break-all">
        FLORA gave <code className="rounded bg-white/70 px-1">{url.length > 200 ? `${url.slice(0, 200)}…` : url}</code>. The
        dashboard only shows and links http(s) media.
      </p>
    </div>
  );
}
