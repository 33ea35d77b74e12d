import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordUserChange, type ChangedBy } from "@/lib/activity/user-changes";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { announceUserChange } from "@/lib/auth/user-changes";
import { ROLES, type Database, type Role, type User } from "@/lib/db/schema";
import { inWriteTransaction, lastAdminError, leavesAnActiveAdmin } from "@/lib/users/last-admin";
import { UserError } from "@/lib/users/user-error";

/**
 * The users table's rules, shared by the users command, the admin API and sign-in.
 * Free of `server-only` so the command can run under plain Node.
 *
 * Each change takes `by` (who made it, lib/activity/user-changes.ts) as its last argument
 * and then records itself in the activity log, in the same transaction as the change: the
 * admin API, the account routes, OAuth sign-in and the users command all pass it. Without
 * it nothing is recorded (the demo admin's set-up at server start, benchmarks, tests).
 *
 * Each change to a role, status, password or the sessions is announced once committed
 * (lib/auth/user-changes.ts): instances that remember the user for session checks forget
 * them, here and, with REDIS_URL, everywhere (the users command publishes too).
 */

type Db = Kysely<Database>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "is not a valid email address" }));

export const roleSchema = z.enum(ROLES, { error: "must be viewer, member or admin" });

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const nameSchema = z.string().trim().max(120).optional();

export function parseEmail(value: string): string {
  const result = emailSchema.safeParse(value);
  if (!result.success) throw new UserError("invalid_email", `"${value}" is not a valid email address.`, "email");
  return result.data;
}

export function parseRole(value: string): Role {
  const result = roleSchema.safeParse(value);
  if (!result.success) throw new UserError("invalid_role", `"${value}" is not a role: use viewer, member or admin.`, "role");
  return result.data;
}

function parsePassword(value: string): string {
  const result = passwordSchema.safeParse(value);
  if (!result.success) throw new UserError("invalid_password", `The password ${result.error.issues[0]?.message}.`, "password");
  return result.data;
}

export interface NewUserInput {
  email: string;
  role: string;
  name?: string | null;
  /** Omit for users who sign in only through OAuth/OIDC. */
  password?: string;
  isDemo?: boolean;
}

export async function addUser(db: Db, input: NewUserInput, now = Date.now(), by?: ChangedBy): Promise<User> {
  const email = parseEmail(input.email);
  const role = parseRole(input.role);
  const passwordHash = input.password === undefined ? null : await hashPassword(parsePassword(input.password));
  if (await findUserByEmail(db, email)) {
    throw new UserError("duplicate_email", `A user with the email ${email} already exists.`, "email");
  }
  const user: User = {
    id: randomUUID(),
    email,
    name: input.name?.trim() || null,
    role,
    password_hash: passwordHash,
    created_at: now,
    disabled_at: null,
    is_demo: input.isDemo ? 1 : 0,
    session_version: 0,
  };
  try {
    const insert = async (store: Db) => {
      await store.insertInto("users").values(user).execute();
      if (by) await recordUserChange(store, by, "user_added", email, { role, password: passwordHash !== null });
    };
    await (by ? inWriteTransaction(db, insert) : insert(db));
  } catch (error) {
    // Two concurrent adds of one email: the unique index decides.
    if (String(error).includes("UNIQUE")) {
      throw new UserError("duplicate_email", `A user with the email ${email} already exists.`, "email");
    }
    throw error;
  }
  return user;
}

export function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom("users").selectAll().orderBy("created_at", "asc").orderBy("email", "asc").execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

async function requireUser(db: Db, email: string): Promise<User> {
  const user = await findUserByEmail(db, parseEmail(email));
  if (!user) throw new UserError("not_found", `No user has the email ${email.trim().toLowerCase()}.`, "email");
  return user;
}

// setRole, disableUser and removeUser read the user and change it in one transaction, and the
// change is conditional in SQL (lib/users/last-admin.ts): two admins taking each other out at
// once, from one process or two, leave one of them an admin.

export async function setRole(db: Db, email: string, role: string, by?: ChangedBy): Promise<User> {
  const changed = await inWriteTransaction(db, async (trx) => {
    const user = await requireUser(trx, email);
    const nextRole = parseRole(role);
    if (nextRole === user.role) return user;
    // A new role ends the user's sessions: whatever a token was issued for no longer holds.
    let update = trx.updateTable("users").set({ role: nextRole, session_version: user.session_version + 1 }).where("id", "=", user.id);
    if (nextRole !== "admin") update = update.where(leavesAnActiveAdmin);
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (numUpdatedRows === 0n) throw lastAdminError(user, "change the role of");
    if (by) await recordUserChange(trx, by, "role_changed", user.email, { from: user.role, to: nextRole });
    return { ...user, role: nextRole, session_version: user.session_version + 1 };
  });
  await announceUserChange(changed.id);
  return changed;
}

export async function disableUser(db: Db, email: string, now = Date.now(), by?: ChangedBy): Promise<User> {
  const disabled = await inWriteTransaction(db, async (trx) => {
    const user = await requireUser(trx, email);
    if (user.disabled_at !== null) return user;
    const { numUpdatedRows } = await trx
      .updateTable("users")
      // Disabling ends every session for good: enabling later must not revive old cookies.
      .set({ disabled_at: now, session_version: user.session_version + 1 })
      .where("id", "=", user.id)
      .where(leavesAnActiveAdmin)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) throw lastAdminError(user, "disable");
    if (by) await recordUserChange(trx, by, "user_changed", user.email, { change: "disabled" });
    return { ...user, disabled_at: now, session_version: user.session_version + 1 };
  });
  await announceUserChange(disabled.id);
  return disabled;
}

/**
 * The demo admin's password is printed in the README, so it may be switched on only by the
 * demo instance itself (`allowDemo`, which the admin API passes when demo mode is proven);
 * the users command never does.
 */
export async function enableUser(db: Db, email: string, { allowDemo = false } = {}, by?: ChangedBy): Promise<User> {
  const user = await requireUser(db, email);
  if (user.is_demo === 1 && !allowDemo) {
    throw new UserError(
      "demo_user",
      `${user.email} is the simulator's demo admin: it can be enabled only while the dashboard runs on its own simulator (npm start without a FLORA key).`,
    );
  }
  const enable = async (store: Db) => {
    await store.updateTable("users").set({ disabled_at: null }).where("id", "=", user.id).execute();
    // Enabling someone already enabled changes nothing, so it is no entry.
    if (by && user.disabled_at !== null) await recordUserChange(store, by, "user_changed", user.email, { change: "enabled" });
  };
  await (by ? inWriteTransaction(db, enable) : enable(db));
  await announceUserChange(user.id);
  return { ...user, disabled_at: null };
}

export async function removeUser(db: Db, email: string, by?: ChangedBy): Promise<User> {
  const removed = await inWriteTransaction(db, async (trx) => {
    const user = await requireUser(trx, email);
    const { numDeletedRows } = await trx
      .deleteFrom("users")
      .where("id", "=", user.id)
      .where(leavesAnActiveAdmin)
      .executeTakeFirst();
    if (numDeletedRows === 0n) throw lastAdminError(user, "remove");
    if (by) await recordUserChange(trx, by, "user_removed", user.email, { role: user.role });
    return user;
  });
  await announceUserChange(removed.id);
  return removed;
}

/** A new password ends every session of the user (sessions are JWTs carrying the version). */
export async function setPassword(db: Db, email: string, password: string, by?: ChangedBy): Promise<void> {
  const user = await requireUser(db, email);
  // Hashed before the transaction: the hash is slow on purpose, the write lock need not wait.
  const hash = await hashPassword(parsePassword(password));
  const change = async (store: Db) => {
    await store
      .updateTable("users")
      .set((eb) => ({ password_hash: hash, session_version: eb("session_version", "+", 1) }))
      .where("id", "=", user.id)
      .execute();
    if (by) await recordUserChange(store, by, "user_changed", user.email, { change: "password_changed" });
  };
  await (by ? inWriteTransaction(db, change) : change(db));
  await announceUserChange(user.id);
}

/** "Sign out everywhere": every session token issued so far stops working. */
export async function endSessions(db: Db, userId: string, by?: ChangedBy): Promise<void> {
  const change = async (store: Db) => {
    const ended = await store
      .updateTable("users")
      .set((eb) => ({ session_version: eb("session_version", "+", 1) }))
      .where("id", "=", userId)
      .returning("email")
      .executeTakeFirst();
    if (by && ended) await recordUserChange(store, by, "user_changed", ended.email, { change: "signed_out_everywhere" });
  };
  await (by ? inWriteTransaction(db, change) : change(db));
  await announceUserChange(userId);
}

/**
 * Replaces a hash made with an older cost by one made with today's, after the password was
 * proven: the same password, so sessions go on. Only if the hash is still the one checked.
 */
export async function rehashPassword(db: Db, userId: string, checkedHash: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).where("password_hash", "=", checkedHash).execute();
}
