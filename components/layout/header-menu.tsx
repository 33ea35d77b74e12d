"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The header's layout. Below `md` the navigation and the account fold into a disclosure
 * behind the Menu button, so the bar stays one line; Escape closes the menu and puts focus
 * back on its button, and moving to another page closes it. From `md` up the panel is
 * `display: contents`: the account and the tools share the first row with the name, and the
 * navigation has the second row to itself, so no link wraps inside itself however many
 * sections the teammate's role shows or however long their name is.
 */
export function HeaderMenu({ navigation, account, tools }: { navigation: ReactNode; account: ReactNode; tools: ReactNode }) {
  const pathname = usePathname();
  // The page the menu was opened on: a navigation closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <div className="ml-auto flex items-center gap-1 md:order-2 md:ml-0">
        {tools}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="inline-flex items-center gap-2 rounded-md border border-black/15 px-3 py-1.5 text-sm font-medium hover:bg-white md:hidden"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
          </svg>
          Menu
        </button>
      </div>
      <div
        id={panelId}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-black/10 pt-3 md:contents`}
      >
        <div className="md:order-3 md:-mx-2.5 md:w-full">{navigation}</div>
        <div className="flex flex-wrap items-center justify-between gap-3 md:order-1 md:ml-auto md:min-w-0 md:justify-end">{account}</div>
      </div>
    </>
  );
}
