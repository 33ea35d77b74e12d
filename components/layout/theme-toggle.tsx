"use client";

import { useSyncExternalStore } from "react";
import {
  choiceAfterToggle,
  isTheme,
  shownTheme,
  SYSTEM_DARK_QUERY,
  THEME_CHANGE_EVENT,
  THEME_STORAGE_KEY,
  type Theme,
} from "@/components/layout/theme";

const root = () => document.documentElement;

function show(choice: Theme | null) {
  if (choice) root().dataset.theme = choice;
  else delete root().dataset.theme;
}

function subscribe(onChange: () => void) {
  const system = window.matchMedia(SYSTEM_DARK_QUERY);
  // Another tab's toggle: take its choice here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    show(isTheme(event.newValue) ? event.newValue : null);
    onChange();
  };
  system.addEventListener("change", onChange);
  window.addEventListener("storage", onStorage);
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  return () => {
    system.removeEventListener("change", onChange);
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
  };
}

const currentTheme = () => shownTheme(root().dataset.theme, window.matchMedia(SYSTEM_DARK_QUERY).matches);

/** The header's dark-theme switch; the choice outlives the page (components/layout/theme.ts). */
export function ThemeToggle() {
  // Unknown in the server render: the theme lives in the browser.
  const theme = useSyncExternalStore(subscribe, currentTheme, () => null);

  function toggle() {
    const current = currentTheme();
    const choice = choiceAfterToggle(current, window.matchMedia(SYSTEM_DARK_QUERY).matches ? "dark" : "light");
    try {
      if (choice) localStorage.setItem(THEME_STORAGE_KEY, choice);
      else localStorage.removeItem(THEME_STORAGE_KEY);
    } catch {
      // Storage off (a private window's policy): the theme still changes for this page.
    }
    // No choice means the other theme is the system's: the page shows it without one.
    show(choice);
    window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
  }

  return (
    <button
      type="button"
      aria-pressed={theme === "dark"}
      onClick={toggle}
      title="Dark theme"
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-muted hover:bg-white hover:text-ink aria-pressed:text-accent"
    >
      <span className="sr-only">Dark theme</span>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
        <path
          fillRule="evenodd"
          clipRule="evenodd"
          d="M7.455 2.004a.75.75 0 0 1 .26.77 7 7 0 0 0 9.958 7.967.75.75 0 0 1 1.067.853A8.5 8.5 0 1 1 6.647 1.921a.75.75 0 0 1 .808.083Z"
        />
      </svg>
    </button>
  );
}
