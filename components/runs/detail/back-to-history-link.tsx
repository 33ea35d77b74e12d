import { AppLink } from "@/components/ui/app-link";

/** Back to the history the teammate came from, its filters kept (see lib/runs/back-to-history.ts). */
export function BackToHistoryLink({ href }: { href: string }) {
  return (
    <AppLink href={href} className="inline-flex items-center gap-1 text-sm font-medium text-accent underline-offset-2 hover:underline">
      <span aria-hidden="true">←</span> Back to history
    </AppLink>
  );
}
