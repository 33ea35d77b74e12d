/**
 * Reading what a launch record keeps as JSON text: the params (or technique inputs) and
 * FLORA's answer. Records written by older versions, or by hand, may hold anything, so
 * every reader gets null rather than an exception.
 */

export function parseRecordedJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** What the launch answer says beyond the run id: the model FLORA chose, and its time estimate. */
export function answerFacts(answer: unknown): { modelId: string | null; estimatedSeconds: number | null } {
  const fields = answer && typeof answer === "object" ? (answer as { estimated_seconds?: unknown; model?: { model_id?: unknown } | null }) : {};
  const modelId = fields.model?.model_id;
  const seconds = fields.estimated_seconds;
  return {
    modelId: typeof modelId === "string" && modelId ? modelId : null,
    estimatedSeconds: typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds : null,
  };
}
