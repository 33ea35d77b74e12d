import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";

/**
 * The local store's tables, as Kysely sees them. Times are unix milliseconds (integers),
 * booleans are 0/1 and JSON is text, so the same queries run on SQLite and Postgres.
 */

export const ROLES = ["viewer", "member", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
  id: string;
  /** Always lower-case; unique. */
  email: string;
  name: string | null;
  role: Role;
  /** scrypt hash; null for users who only sign in through OAuth/OIDC. */
  password_hash: string | null;
  created_at: number;
  /** Set when an admin disables the user; a disabled user cannot sign in or use a session. */
  disabled_at: number | null;
  /** 1 for the simulator's demo admin, which must not survive a switch to the real FLORA. */
  is_demo: ColumnType<number, number | undefined, number>;
  /** Carried in every session token; bumping it ends all of the user's sessions at once. */
  session_version: ColumnType<number, number | undefined, number>;
}

/**
 * One launch from the dashboard: written as an intent before the upstream call, completed
 * after, so a launch whose answer was lost is still on record (status "unconfirmed").
 */
export const LAUNCH_STATUSES = ["pending", "confirmed", "unconfirmed", "rejected"] as const;
export type LaunchStatus = (typeof LAUNCH_STATUSES)[number];

export interface LaunchesTable {
  id: string;
  /** FLORA's run id, known once the upstream answered. */
  run_id: string | null;
  kind: "generation" | "technique";
  /** null once the user was removed; user_email keeps who it was. */
  user_id: string | null;
  user_email: string;
  /** generation: image | video | audio | text */
  type: string | null;
  model: string | null;
  technique_id: string | null;
  prompt: string | null;
  /** JSON: the model params, or the technique inputs. */
  params_json: string | null;
  workspace_id: string | null;
  project_id: string | null;
  /** The key sent upstream (already namespaced per user); unique. */
  idempotency_key: string;
  status: LaunchStatus;
  estimated_cost: number | null;
  /** FLORA's answer to the launch, replayed to a client that retries with the same key. */
  response_json: string | null;
  error_code: string | null;
  created_at: number;
  completed_at: number | null;
  /** The personal access token the launch came through; null for a form launch. */
  token_id: ColumnType<string | null, string | null | undefined, string | null>;
  token_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** The calendar month (UTC, "2026-11") the launch's money counts in. */
  spend_month: ColumnType<string | null, string | null | undefined, string | null>;
  /** What the launch holds against the budget caps now: the estimate, then the charge. */
  reserved_usd: ColumnType<number, number | undefined, number>;
  /** FLORA's charged_cost once known. */
  charged_usd: ColumnType<number | null, number | null | undefined, number | null>;
  /** When the run ended and its charge became final. */
  cost_final_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A personal access token: only a hash of its secret is kept; `prefix` ("atl_…") finds it. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  /** No higher than the owner's role when made; the lower of the two applies on each use. */
  role: Role;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** A monthly cap in USD: scope "team", or a user's id. No row, no cap. */
export interface BudgetCapsTable {
  scope: string;
  monthly_usd: number;
  updated_at: number;
  updated_by: string | null;
}

/** What a month holds against a cap (scope "team" or a user's id), in micro-dollars; kept by triggers on launches. */
export interface BudgetSpendTable {
  month: string;
  scope: string;
  reserved_micros: ColumnType<number, number | undefined, number>;
}

/** One entry of the append-only activity log. */
export interface ActivityTable {
  id: string;
  at: number;
  kind: string;
  actor_id: string | null;
  actor_email: string | null;
  subject: string | null;
  detail_json: string | null;
}

/** A FLORA webhook delivery acted on, by its event id: a redelivery finds it and does nothing. */
export interface WebhookDeliveriesTable {
  event_id: string;
  run_id: string;
  received_at: number;
}

/** A public link (`/s/{token}`) to a run or a collection: only a hash of its token is kept (lib/sharing). */
export interface SharedLinksTable {
  id: string;
  /** SHA-256 (hex) of the whole token; unique. */
  secret_hash: string;
  /** The token's first characters: finds the row, names the link in lists and the log. */
  prefix: string;
  subject_kind: "run" | "collection";
  run_id: string | null;
  technique_id: string | null;
  collection_id: string | null;
  /** 0/1: whether the public page shows the prompt. */
  show_prompt: number;
  /** null once the user was removed; created_by_email keeps who it was. */
  created_by: string | null;
  created_by_email: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** The last open counted (at most one a minute). */
  opened_at: number | null;
  open_count: ColumnType<number, number | undefined, number>;
}

/** A named set of runs the team curates (lib/collections). */
export interface CollectionsTable {
  id: string;
  /** At most 100 characters. */
  name: string;
  /** null once the user was removed; created_by_email keeps who it was. */
  created_by: string | null;
  created_by_email: string;
  created_at: number;
  updated_at: number;
}

/** One run in a collection, by reference (the run lives upstream); `position` orders them from 0. */
export interface CollectionRunsTable {
  collection_id: string;
  run_id: string;
  kind: "generation" | "technique";
  technique_id: string | null;
  position: number;
  added_by_email: string;
  added_at: number;
}

export interface Database {
  users: UsersTable;
  launches: LaunchesTable;
  api_tokens: ApiTokensTable;
  budget_caps: BudgetCapsTable;
  budget_spend: BudgetSpendTable;
  activity: ActivityTable;
  webhook_deliveries: WebhookDeliveriesTable;
  shared_links: SharedLinksTable;
  collections: CollectionsTable;
  collection_runs: CollectionRunsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Launch = Selectable<LaunchesTable>;
export type NewLaunch = Insertable<LaunchesTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type BudgetCap = Selectable<BudgetCapsTable>;
export type ActivityEntry = Selectable<ActivityTable>;
export type SharedLink = Selectable<SharedLinksTable>;
