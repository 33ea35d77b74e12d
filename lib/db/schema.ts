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
}

export interface Database {
  users: UsersTable;
  launches: LaunchesTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Launch = Selectable<LaunchesTable>;
export type NewLaunch = Insertable<LaunchesTable>;
