import type { Migration } from "kysely";
import * as usersAndLaunches from "./0001-users-and-launches";
import * as sessionVersion from "./0002-session-version";
import * as apiTokens from "./0003-api-tokens";
import * as budgets from "./0004-budgets";
import * as activity from "./0005-activity";
import * as promptSearch from "./0006-prompt-search";
import * as budgetSpend from "./0007-budget-spend";
import * as archive from "./0008-archive";
import * as webhookDeliveries from "./0009-webhook-deliveries";
import * as sharedLinks from "./0010-shared-links";
import * as collections from "./0011-collections";

/**
 * Every migration, in order. Listed in code rather than read from a folder so the bundled
 * server and the `db:migrate` script apply exactly the same set.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "0001-users-and-launches": usersAndLaunches,
  "0002-session-version": sessionVersion,
  "0003-api-tokens": apiTokens,
  "0004-budgets": budgets,
  "0005-activity": activity,
  "0006-prompt-search": promptSearch,
  "0007-budget-spend": budgetSpend,
  "0008-archive": archive,
  "0009-webhook-deliveries": webhookDeliveries,
  "0010-shared-links": sharedLinks,
  "0011-collections": collections,
};
