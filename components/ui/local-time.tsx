"use client";

import { useClock } from "@/components/hooks/use-now";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { formatAbsoluteTime, formatLocalTime, formatRelativeTime } from "@/lib/format";

type LocalTimeProps = {
  /** The moment, as an ISO 8601 string (`new Date(ms).toISOString()`). */
  iso: string;
  /** Show "3 minutes ago" (ticking) instead of the date and time. */
  relative?: boolean;
  /** The server's clock when it rendered the page, so relative text hydrates unchanged. */
  renderedAt?: number;
  className?: string;
};

/**
 * A time in the viewer's own time zone, with UTC on hover. The server cannot know the
 * viewer's zone, so it renders UTC and the browser switches to local once hydrated.
 */
export function LocalTime({ iso, relative = false, renderedAt, className }: LocalTimeProps) {
  const at = Date.parse(iso);
  const hydrated = useHydrated();
  if (Number.isNaN(at)) return <span className={className}>{iso}</span>;
  const utc = formatAbsoluteTime(at);
  const local = hydrated ? formatLocalTime(at) : utc;
  if (!relative) {
    return (
      <time dateTime={iso} title={utc} className={className}>
        {local}
      </time>
    );
  }
  return <RelativeTime at={at} iso={iso} title={local === utc ? utc : `${local} (${utc})`} renderedAt={renderedAt} className={className} fallback={local} />;
}

function RelativeTime({
  at,
  iso,
  title,
  renderedAt,
  className,
  fallback,
}: {
  at: number;
  iso: string;
  title: string;
  renderedAt: number | undefined;
  className: string | undefined;
  fallback: string;
}) {
  const text = useClock((now) => formatRelativeTime(at, now), renderedAt, fallback);
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
    </time>
  );
}
