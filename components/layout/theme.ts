/**
 * The colour theme: the system's unless the teammate chose the other one with the header
 * toggle. A choice is kept in localStorage and shown as data-theme on <html>, which
 * app/globals.css reads; no choice means no attribute, and the system decides.
 */

export type Theme = "light" | "dark";

export const THEME_STORAGE_KEY = "atelier-theme";

/** Fired on window when this tab changes the theme, so every toggle re-reads it. */
export const THEME_CHANGE_EVENT = "atelier-theme-change";

export const SYSTEM_DARK_QUERY = "(prefers-color-scheme: dark)";

/**
 * Runs in <head> before the first paint (app/layout.tsx), so a remembered dark theme never
 * flashes light. It must stay tiny and self-contained: it is inlined as text.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function isTheme(value: unknown): value is Theme {
  return value === "light" || value === "dark";
}

/**
 * What to remember after a toggle from `current`: the other theme, or nothing when the
 * other theme is the system's own, so the page follows the system again from then on.
 */
export function choiceAfterToggle(current: Theme, system: Theme): Theme | null {
  const next: Theme = current === "dark" ? "light" : "dark";
  return next === system ? null : next;
}

/** The theme the page shows: the one chosen, else the system's. */
export function shownTheme(chosen: string | null | undefined, systemDark: boolean): Theme {
  return isTheme(chosen) ? chosen : systemDark ? "dark" : "light";
}
