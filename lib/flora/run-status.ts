/** FLORA's run statuses, without zod, for code that ships to the browser. */
export const runStatusValues = ["pending", "running", "completed", "failed"] as const;
export type RunStatusValue = (typeof runStatusValues)[number];

/** How each status reads on screen, in one place for badges, filters and tab titles. */
export const runStatusLabels: Record<RunStatusValue, string> = {
  pending: "Pending",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
};

/** Pending or running: the run can still change, so it is worth polling. */
export const isActiveStatus = (status: RunStatusValue | undefined): boolean => status === "pending" || status === "running";

/** Completed or failed: FLORA's only terminal statuses; the run never changes again. */
export const isTerminalStatus = (status: RunStatusValue | undefined): boolean => status === "completed" || status === "failed";
