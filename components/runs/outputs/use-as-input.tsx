import { AppLink } from "@/components/ui/app-link";

/** The query that opens a form with this output's URL filled in (read by lib/params/use-input.ts). */
export const useAsInputQuery = (url: string, type: "image" | "video") => `?${new URLSearchParams({ use: url, use_type: type })}`;

const linkClass = "font-medium text-accent underline underline-offset-2";

/**
 * "Use as input" for an image or video output: the launch form with the URL in its first
 * matching URL param, or the techniques list, which carries it into the technique chosen.
 */
export function UseAsInput({ url, type, name }: { url: string; type: "image" | "video"; name: string }) {
  const query = useAsInputQuery(url, type);
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-muted">Use as input:</span>
      <AppLink href={`/new${query}`} prefetch={false} aria-label={`Use ${name} as input to a new generation`} className={linkClass}>
        New generation
      </AppLink>
      <AppLink href={`/techniques${query}`} prefetch={false} aria-label={`Use ${name} as input to a technique`} className={linkClass}>
        A technique
      </AppLink>
    </p>
  );
}
