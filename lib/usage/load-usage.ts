import "server-only";
import type { Kysely } from "kysely";
import { canManageUsers } from "@/lib/auth/roles";
import type { Database, User } from "@/lib/db/schema";
import { loadDirectory, loadModels, loadTechnique } from "@/lib/flora/reads";
import { describeError, log } from "@/lib/log";
import { monthsWithLaunches, sumUsage, teamSpendUsd } from "@/lib/usage/aggregate";
import { TECHNIQUE_KEY_PREFIX } from "@/lib/usage/aggregate-keys";
import { capStatuses } from "@/lib/usage/caps";
import { labelModelRows, labelProjectRows, type Catalogues } from "@/lib/usage/labels";
import { monthOf, type Month } from "@/lib/usage/month";
import { loadOutsideSpend } from "@/lib/usage/outside-flora";
import type { UsageReport } from "@/lib/usage/report";
import { resolveUsageScope } from "@/lib/usage/scope";
import type { UsageQuery } from "@/lib/usage/usage-query";

/** The report for the page, GET /api/usage and the export: one function, one set of figures. */

/** Techniques named per report (each remembered for a minute). */
const MAX_TECHNIQUES_NAMED = 10;

/** Names are a nicety: an unreadable catalogue leaves ids, never a failed report. */
async function bestEffort<T>(what: string, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    log.warn(`usage: ${what} unavailable, ids shown`, describeError(error));
    return null;
  }
}

async function loadCatalogues(modelKeys: string[]): Promise<Catalogues> {
  const techniqueIds = modelKeys
    .filter((key) => key.startsWith(TECHNIQUE_KEY_PREFIX))
    .map((key) => key.slice(TECHNIQUE_KEY_PREFIX.length))
    .slice(0, MAX_TECHNIQUES_NAMED);
  const [models, directory, techniques] = await Promise.all([
    bestEffort("models", loadModels),
    bestEffort("projects", loadDirectory),
    Promise.all(techniqueIds.map((id) => bestEffort(`technique ${id}`, () => loadTechnique(id)))),
  ]);
  return {
    models: new Map(models?.map((model) => [model.model_id, model.name])),
    projects: new Map([...(directory?.projects.values() ?? [])].map((project) => [project.project_id, project.name])),
    techniques: new Map(techniques.flatMap((technique) => (technique ? [[technique.technique_id, technique.name] as const] : []))),
  };
}

export async function loadUsageReport(db: Kysely<Database>, viewer: User, query: UsageQuery, now = Date.now()): Promise<UsageReport> {
  const month: Month = query.month ?? monthOf(now);
  const scope = await resolveUsageScope(db, viewer, query.user);
  const userId = scope.kind === "user" ? scope.userId : null;
  const admin = canManageUsers(viewer.role);

  const [sums, teamSpent, months, outside] = await Promise.all([
    sumUsage(db, month, userId),
    teamSpendUsd(db, month),
    monthsWithLaunches(db, userId),
    // Team-wide and read with the team's key: admins, on the team's view only.
    admin && scope.kind === "team" ? loadOutsideSpend(month) : Promise.resolve(null),
  ]);
  const catalogues = await loadCatalogues(sums.byModel.map((row) => row.key));
  const caps = await capStatuses(db, teamSpent, sums.byTeammate, scope.kind === "user" ? { id: scope.userId, email: scope.email } : null);

  return {
    month,
    scope,
    totals: sums.totals,
    byTeammate: sums.byTeammate,
    byModel: labelModelRows(sums.byModel, catalogues),
    byProject: labelProjectRows(sums.byProject, catalogues),
    byDay: sums.byDay,
    caps,
    outside,
    months: [...new Set([month, monthOf(now), ...months])].sort().reverse(),
  };
}
