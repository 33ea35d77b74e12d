"use client";

import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  href: string;
  /** Replace the current history entry instead of pushing one. */
  replace?: boolean;
  /** Read the page's shared parts ahead when the pointer or the focus reaches the link (default on). */
  prefetch?: boolean;
};

type Click = Pick<MouseEvent, "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey">;
type Anchor = Pick<HTMLAnchorElement, "origin" | "getAttribute" | "hasAttribute">;

/** Whether the browser should handle this click itself: a new tab or window, a download, another site. */
export function opensElsewhere(event: Click, anchor: Anchor, here: string): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return true;
  if (anchor.hasAttribute("download")) return true;
  const target = anchor.getAttribute("target");
  if (target && target !== "_self") return true;
  return anchor.origin !== here;
}

/**
 * A link that moves within the app through the App Router, as `next/link` does, for 0.3 kB
 * instead of the 3 kB of first-load JavaScript `next/link` costs every page that shows one
 * (measured by `npm run bench:first-load`). It is a plain `<a href>` first: it works before
 * hydration, and a modified click, a middle click or another target is left to the browser.
 *
 * What it gives up: `next/link` reads the shared parts of every linked page that scrolls into
 * view. This reads them ahead only when the pointer rests on the link or the keyboard reaches
 * it, which also spares the server a read per visible link (the pages are all dynamic).
 */
export function AppLink({ href, replace = false, prefetch = true, onClick, onMouseEnter, onFocus, onTouchStart, children, ...anchor }: AppLinkProps) {
  const router = useRouter();
  const readAhead = () => {
    if (prefetch) router.prefetch(href);
  };
  return (
    <a
      {...anchor}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || opensElsewhere(event, event.currentTarget, window.location.origin)) return;
        event.preventDefault();
        if (replace) router.replace(href);
        else router.push(href);
      }}
      onMouseEnter={(event) => {
        onMouseEnter?.(event);
        readAhead();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        readAhead();
      }}
      onTouchStart={(event) => {
        onTouchStart?.(event);
        readAhead();
      }}
    >
      {children}
    </a>
  );
}
