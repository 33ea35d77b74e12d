/**
 * Every keyboard shortcut the dashboard has, for the `?` help dialog. Each group names
 * where its keys work and the code that handles them, so a new shortcut lands here too.
 */
export interface Shortcut {
  /** Keys pressed together are one entry; alternatives are separate entries. */
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  where: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    where: "Anywhere",
    // components/layout/keyboard-help.tsx
    shortcuts: [{ keys: ["?"], does: "Show these shortcuts" }],
  },
  {
    where: "History and technique runs",
    // components/history/use-history-keys.ts
    // and components/history/history-view.tsx (the arrows, Home and End, inside the list)
    shortcuts: [
      { keys: ["j"], does: "Select the next run" },
      { keys: ["k"], does: "Select the previous run" },
      { keys: ["↓"], does: "Next run, or the grid's row below" },
      { keys: ["↑"], does: "Previous run, or the grid's row above" },
      { keys: ["←"], does: "Previous run in the grid" },
      { keys: ["→"], does: "Next run in the grid" },
      { keys: ["Home"], does: "Select the first run" },
      { keys: ["End"], does: "Select the last run loaded" },
      { keys: ["Enter"], does: "Open the selected run" },
      { keys: ["x"], does: "Pick the selected run (to compare or collect)" },
      { keys: ["/"], does: "Go to the filters" },
    ],
  },
  {
    where: "An output opened large",
    // components/runs/outputs/lightbox.tsx
    shortcuts: [
      { keys: ["←"], does: "Previous output" },
      { keys: ["→"], does: "Next output" },
      { keys: ["Esc"], does: "Close" },
    ],
  },
  {
    where: "A list field in a form",
    // components/forms/tag-input.tsx
    shortcuts: [{ keys: ["Enter"], does: "Add what you typed" }],
  },
  {
    where: "Menus and dialogs",
    // components/layout/header-menu.tsx, components/admin/confirm-dialog.tsx
    shortcuts: [{ keys: ["Esc"], does: "Close" }],
  },
];

/** Whether a key press belongs to what has focus (typing, choosing), not to a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}
