import { ConcurrencySlots } from "@/lib/runs/download-slots";

/**
 * How many event streams one teammate holds open on this instance. Each costs a connection
 * and a little memory, and each tab needs one: eight is a busy teammate's tabs, and a
 * script opening hundreds is refused instead of holding the server's sockets. Counted like
 * downloads (per process, where the streams live).
 */
export const STREAMS_PER_USER = 8;

/**
 * How many event streams this instance holds open in all: about 115 MB at the 57 kB each
 * that `npm run bench:push` measured. Past it a tab polls, as it does behind a proxy that
 * buffers, so a large team (or many teammates' tokens) cannot exhaust one server's memory
 * and sockets; another instance behind the load balancer takes the next ones.
 */
export const STREAMS_PER_INSTANCE = 2_000;

export type StreamSlot = { ok: true; release: () => void } | { ok: false; full: "teammate" | "instance" };

export interface StreamSlots {
  tryAcquire(userId: string): StreamSlot;
}

export function streamSlots(perUser = STREAMS_PER_USER, perInstance = STREAMS_PER_INSTANCE): StreamSlots {
  const users = new ConcurrencySlots(perUser);
  const instance = new ConcurrencySlots(perInstance);
  return {
    tryAcquire(userId) {
      const releaseUser = users.tryAcquire(userId);
      if (!releaseUser) return { ok: false, full: "teammate" };
      const releaseInstance = instance.tryAcquire("all");
      if (!releaseInstance) {
        releaseUser();
        return { ok: false, full: "instance" };
      }
      return {
        ok: true,
        release: () => {
          releaseUser();
          releaseInstance();
        },
      };
    },
  };
}
