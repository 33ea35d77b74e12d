/**
 * What the browser takes from lib/flora: FLORA's wire types and the run statuses with their
 * labels. Types only, plus run-status.ts, which imports nothing: no zod schemas, no client,
 * no key, nothing server-only (lib/layering.test.ts checks that every client module's
 * imports stay that way).
 */
export type {
  Generation,
  GenerationCreateResponse,
  GenerationType,
  Model,
  ModelParam,
  OutputType,
  Project,
  Run,
  RunOutput,
  RunStatus,
  Technique,
  TechniqueRun,
  Workspace,
} from "@/lib/flora/schemas";
export { isActiveStatus, isTerminalStatus, runStatusLabels, runStatusValues, type RunStatusValue } from "@/lib/flora/run-status";
