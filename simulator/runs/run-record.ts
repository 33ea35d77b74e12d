/**
 * The stored form of a run. Status and progress are not stored: they follow from the
 * timestamps and the clock (run-status.ts), so nothing has to tick.
 */
export type RunKind = "generation" | "technique";
export type RunOutcome = "completed" | "failed";
export type RunStatus = "pending" | "running" | "completed" | "failed";
export type OutputType = "imageUrl" | "videoUrl" | "audioUrl" | "text" | "documentUrl";
export type GenerationType = "image" | "video" | "audio" | "text";

export const RUN_STATUSES = ["pending", "running", "completed", "failed"] as const;
export const GENERATION_TYPES = ["image", "video", "audio", "text"] as const;

export interface RunRecord {
  readonly id: string;
  readonly kind: RunKind;
  readonly workspaceId: string;
  readonly projectId: string;
  /** Generations only. */
  readonly modelId?: string;
  /** Technique runs only. */
  readonly techniqueId?: string;
  readonly createdAt: number;
  /** pending until this instant, running after it. */
  readonly startedAt: number;
  /** terminal from this instant. */
  readonly endsAt: number;
  readonly outcome: RunOutcome;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** Where the progress bar stopped when the run failed. */
  readonly failProgress: number;
  /** USD charged at launch; refunded (reported as 0) if the run fails. */
  readonly cost: number;
  readonly outputs: readonly OutputType[];
  /** Text output content; seeded runs derive it from the id instead. */
  readonly text?: string;
  /** `[unsafe-urls]`: media outputs get non-http URLs, for the dashboard's refusal tests. */
  readonly unsafeUrls?: boolean;
  readonly callbackUrl?: string;
}
