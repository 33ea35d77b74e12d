/** FLORA's run statuses, without zod, for code that ships to the browser. */
export const runStatusValues = ["pending", "running", "completed", "failed"] as const;
export type RunStatusValue = (typeof runStatusValues)[number];
