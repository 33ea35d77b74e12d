/**
 * Runs `work`, but answers `onTimeout` once `ms` have passed without an answer, so one hung
 * dependency cannot hang the health check (and with it a load balancer's probe). The work
 * is not cancelled: a late answer or failure is dropped.
 */
export async function timeBox<T>(work: () => Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
    timer.unref?.();
  });
  // Started inside a promise, so a check that throws synchronously fails like an async one.
  const answer = Promise.resolve().then(work);
  // A failure after the timeout has nobody to tell; keep it from being "unhandled".
  answer.catch(() => undefined);
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
