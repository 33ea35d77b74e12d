/**
 * Every event stream open in this process, so that a stopping server can end them first:
 * a stream never finishes by itself, and would otherwise hold the shutdown's drain to its
 * deadline. Ended streams make the browsers reconnect at once, to an instance that is not
 * stopping. On globalThis: the production server (scripts/serve.ts) is outside Next's
 * bundle, like the poll cache's other users.
 */
const holder = globalThis as typeof globalThis & { __atelierOpenStreams?: Set<() => void> };

const openStreams = () => (holder.__atelierOpenStreams ??= new Set());

/** Registers a stream's way to end itself; returns the function that forgets it. */
export function trackStream(end: () => void): () => void {
  openStreams().add(end);
  return () => void openStreams().delete(end);
}

/** Ends every open stream; returns how many there were. */
export function endEventStreams(): number {
  const ends = [...openStreams()];
  openStreams().clear();
  for (const end of ends) end();
  return ends.length;
}
