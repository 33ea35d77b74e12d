import pLimit from "p-limit";

/**
 * At most this many password checks run at once. Each scrypt check takes 128 MiB and half a
 * second of a core (lib/auth/password.ts), so a burst of sign-in requests, right or wrong,
 * must queue rather than take the server's memory and every core with it.
 */
export const PASSWORD_CHECKS_AT_ONCE = 2;
/** Past this many waiting, a new sign-in is turned away at once instead of queueing. */
export const PASSWORD_CHECKS_QUEUED = 32;

export class SignInBusyError extends Error {
  constructor() {
    super("Too many sign-ins are being checked at once.");
    this.name = "SignInBusyError";
  }
}

export function createPasswordCheckQueue(atOnce = PASSWORD_CHECKS_AT_ONCE, queued = PASSWORD_CHECKS_QUEUED) {
  const limit = pLimit(atOnce);
  return {
    run<T>(check: () => Promise<T>): Promise<T> {
      if (limit.pendingCount >= queued) return Promise.reject(new SignInBusyError());
      return limit(check);
    },
    get active() {
      return limit.activeCount;
    },
  };
}

const holder = globalThis as typeof globalThis & { __atelierPasswordChecks?: ReturnType<typeof createPasswordCheckQueue> };

/** The process's one queue of password checks. */
export function passwordChecks() {
  holder.__atelierPasswordChecks ??= createPasswordCheckQueue();
  return holder.__atelierPasswordChecks;
}
