/**
 * How many event streams one teammate holds open on this instance. Each costs a connection
 * and a little memory, and each tab needs one: eight is a busy teammate's tabs, and a
 * script opening hundreds is refused instead of holding the server's sockets.
 */
export const STREAMS_PER_USER = 8;

export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly perUser = STREAMS_PER_USER) {}

  /** Takes a slot, or returns null when the teammate holds them all; the release runs once. */
  take(userId: string): (() => void) | null {
    const held = this.open.get(userId) ?? 0;
    if (held >= this.perUser) return null;
    this.open.set(userId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = (this.open.get(userId) ?? 1) - 1;
      if (now > 0) this.open.set(userId, now);
      else this.open.delete(userId);
    };
  }

  /** Streams open on this instance, for health and benchmarks. */
  get total(): number {
    let total = 0;
    for (const held of this.open.values()) total += held;
    return total;
  }
}
