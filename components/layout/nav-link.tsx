"use client";

import { AppLink } from "@/components/ui/app-link";
import { usePathname } from "next/navigation";

/** Whether `pathname` is in the section a link leads to (its page, or a page under it). */
export function isCurrentSection(pathname: string, href: string, also: readonly string[] = []): boolean {
  return [href, ...also].some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * A header link that marks itself as the current page for sighted and screen-reader users.
 * `also` names other sections it stands for (a run's page belongs to the history).
 */
export function NavLink({ href, also, children }: { href: string; also?: readonly string[]; children: React.ReactNode }) {
  const current = isCurrentSection(usePathname(), href, also);
  return (
    <AppLink
      href={href}
      aria-current={current ? "page" : undefined}
      className={`whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium md:px-2.5 transition-colors ${
        current ? "bg-accent-soft text-accent" : "text-muted hover:bg-white hover:text-ink"
      }`}
    >
      {children}
    </AppLink>
  );
}
