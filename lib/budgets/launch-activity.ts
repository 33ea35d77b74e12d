import type { Kysely } from "kysely";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import type { Database, Launch } from "@/lib/db/schema";
import type { Refusal } from "@/lib/budgets/reserve";
import { describeError, log } from "@/lib/log";

/**
 * The activity entries of launches: each outcome ("launch": who, what, the estimate held,
 * FLORA's charge, the result) and each budget refusal. The log is a record, not a gate: a
 * failed write is logged and never fails the launch it describes.
 */
type Db = Kysely<Database>;

const actorOf = ({ user }: Actor) => ({ id: user.id, email: user.email });

/** What was launched, in the log's words. */
function whatOf(launch: Launch) {
  return {
    launch_kind: launch.kind,
    ...(launch.model && { model: launch.model }),
    ...(launch.technique_id && { technique_id: launch.technique_id }),
    ...(launch.type && { type: launch.type }),
  };
}

async function safely(write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    log.warn("could not record an activity entry", describeError(error));
  }
}

export interface LaunchOutcome {
  result: "confirmed" | "rejected" | "unconfirmed";
  runId?: string;
  charge?: number | null;
  errorCode?: string;
}

export function recordLaunchActivity(db: Db, actor: Actor, launch: Launch, outcome: LaunchOutcome): Promise<void> {
  return safely(() =>
    recordActivity(db, {
      kind: "launch",
      actor: actorOf(actor),
      subject: outcome.runId ?? launch.id,
      detail: {
        ...whatOf(launch),
        ...(actor.token && { token_name: actor.token.name }),
        estimate_usd: launch.reserved_usd,
        charged_usd: outcome.charge ?? null,
        result: outcome.result,
        ...(outcome.errorCode && { error_code: outcome.errorCode }),
      },
    }),
  );
}

export function recordRefusalActivity(db: Db, actor: Actor, launch: Launch, refusal: Refusal): Promise<void> {
  return safely(() =>
    recordActivity(db, {
      kind: "budget_refused",
      actor: actorOf(actor),
      subject: refusal.scope === "team" ? "team" : actor.user.email,
      detail: {
        ...whatOf(launch),
        cap_scope: refusal.scope,
        month: refusal.month,
        cap_usd: refusal.cap,
        spent_usd: refusal.spent,
        left_usd: refusal.left,
        estimate_usd: refusal.estimate,
      },
    }),
  );
}
