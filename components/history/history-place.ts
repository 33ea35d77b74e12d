import { historySearch, type HistoryFilters, type HistoryKind } from "@/lib/history/filters";

/**
 * Where a teammate was in a history list, so opening a run and coming Back lands there again:
 * the row at the top of the screen (by run id, and its index should the run be gone) and how
 * far into it, the selected run, and how many pages were loaded. One place per kind and
 * filters, kept in sessionStorage: per tab, gone with the tab, and it survives a reload.
 */
export interface HistoryPlace {
  anchorRunId: string | null;
  anchorIndex: number;
  anchorOffset: number;
  selectedRunId: string | null;
  pages: number;
}

const PREFIX = "atelier.history.place:";
/** However many pages were loaded, Back fetches at most this many again before scrolling. */
export const MAX_RESTORED_PAGES = 20;

export const placeKey = (kind: HistoryKind, filters: HistoryFilters) => `${PREFIX}${kind}${historySearch(filters)}`;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;

const isIndex = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;
const isId = (value: unknown): value is string | null => value === null || (typeof value === "string" && value.length <= 200);

/** The saved place, or null when there is none or it does not parse (the store is the tab's, but not ours alone). */
export function readPlace(storage: Storage | undefined, key: string): HistoryPlace | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (!value || typeof value !== "object") return null;
    const { anchorRunId, anchorIndex, anchorOffset, selectedRunId, pages } = value;
    if (!isId(anchorRunId) || !isIndex(anchorIndex) || typeof anchorOffset !== "number" || !Number.isFinite(anchorOffset)) return null;
    if (!isId(selectedRunId) || !isIndex(pages)) return null;
    return { anchorRunId, anchorIndex, anchorOffset, selectedRunId, pages: Math.min(pages, MAX_RESTORED_PAGES) };
  } catch {
    return null;
  }
}

export function writePlace(storage: Storage | undefined, key: string, place: HistoryPlace): void {
  try {
    storage?.setItem(key, JSON.stringify(place));
  } catch {
    // A full or refused store: Back starts at the top, as it did before.
  }
}

export const sessionStore = (): Storage | undefined => {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
};
