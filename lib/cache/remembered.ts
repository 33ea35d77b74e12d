/**
 * A value loaded once and remembered for a while, shared by every request in the process;
 * concurrent callers share the same load, and a failed load is forgotten at once so the
 * next caller tries again. For upstream catalogues that change rarely (models, techniques).
 */
interface Entry {
  loaded: Promise<unknown>;
  until: number;
}

const globalMemory = globalThis as typeof globalThis & { __atelierRemembered?: Map<string, Entry> };

function memory(): Map<string, Entry> {
  globalMemory.__atelierRemembered ??= new Map();
  return globalMemory.__atelierRemembered;
}

export function remembered<T>(key: string, freshMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const entries = memory();
  const entry = entries.get(key);
  if (entry && entry.until > now) return entry.loaded as Promise<T>;
  const loaded = load();
  entries.set(key, { loaded, until: now + freshMs });
  loaded.catch(() => {
    if (entries.get(key)?.loaded === loaded) entries.delete(key);
  });
  return loaded;
}

export function forgetRemembered(): void {
  memory().clear();
}
