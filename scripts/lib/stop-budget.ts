/**
 * How long a stop may take, from the signal on. The whole system must be gone within 10 s,
 * which is also how long `docker stop` and most supervisors wait before they SIGKILL.
 * Each layer gets a deadline inside the one of the layer around it.
 */
export const STOP_BUDGET = {
  /** The server lets requests in flight finish this long, then closes their sockets. */
  drainMs: 8_000,
  /** Each clean-up after the server closed (Next's, the store's) gets at most this long. */
  cleanUpMs: 400,
  /** The server process exits by then, whatever its clean-up is still doing. */
  serverExitMs: 9_000,
  /** The start script SIGKILLs any child still running by then, and exits. */
  supervisorKillMs: 9_500,
} as const;
