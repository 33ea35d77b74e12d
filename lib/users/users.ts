import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES, type Database, type Role, type User } from "@/lib/db/schema";
import { inWriteTransaction, lastAdminError, leavesAnActiveAdmin } from "@/lib/users/last-admin";
import { UserError } from "@/lib/users/user-error";

/**
 * The users table's rules, shared by the users command, the admin API and sign-in.
 * Free of `server-only` so the command can run under plain Node.
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

export async function addUser(db: Db, input: NewUserInput, now = Date.now()): Promise<User> {
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
    await db.insertInto("users").values(user).execute();
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

export async function setRole(db: Db, email: string, role: string): Promise<User> {
  return inWriteTransaction(db, async (trx) => {
    const user = await requireUser(trx, email);
    const nextRole = parseRole(role);
    if (nextRole === user.role) return user;
    // A new role ends the user's sessions: whatever a token was issued for no longer holds.
    let update = trx.updateTable("users").set({ role: nextRole, session_version: user.session_version + 1 }).where("id", "=", user.id);
    if (nextRole !== "admin") update = update.where(leavesAnActiveAdmin);
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (numUpdatedRows === 0n) throw lastAdminError(user, "change the role of");
    return { ...user, role: nextRole, session_version: user.session_version + 1 };
  });
}

export async function disableUser(db: Db, email: string, now = Date.now()): Promise<User> {
  return inWriteTransaction(db, async (trx) => {
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
    return { ...user, disabled_at: now, session_version: user.session_version + 1 };
  });
}

/**
 * The demo admin's password is printed in the README, so it may be switched on only by the
 * demo instance itself (`allowDemo`, which the admin API passes when demo mode is proven);
 * the users command never does.
 */
export async function enableUser(db: Db, email: string, { allowDemo = false } = {}): Promise<User> {
  const user = await requireUser(db, email);
  if (user.is_demo === 1 && !allowDemo) {
    throw new UserError(
      "demo_user",
      `${user.email} is the simulator's demo admin: it can be enabled only while the dashboard runs on its own simulator (npm start without a FLORA key).`,
    );
  }
  await db.updateTable("users").set({ disabled_at: null }).where("id", "=", user.id).execute();
  return { ...user, disabled_at: null };
}

export async function removeUser(db: Db, email: string): Promise<User> {
  return inWriteTransaction(db, async (trx) => {
    const user = await requireUser(trx, email);
    const { numDeletedRows } = await trx
      .deleteFrom("users")
      .where("id", "=", user.id)
      .where(leavesAnActiveAdmin)
      .executeTakeFirst();
    if (numDeletedRows === 0n) throw lastAdminError(user, "remove");
    return user;
  });
}

/** A new password ends every session of the user (sessions are JWTs carrying the version). */
export async function setPassword(db: Db, email: string, password: string): Promise<void> {
  const user = await requireUser(db, email);
  const hash = await hashPassword(parsePassword(password));
  await db
    .updateTable("users")
    .set((eb) => ({ password_hash: hash, session_version: eb("session_version", "+", 1) }))
    .where("id", "=", user.id)
    .execute();
}

/** "Sign out everywhere": every session token issued so far stops working. */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set((eb) => ({ session_version: eb("session_version", "+", 1) }))
    .where("id", "=", userId)
    .execute();
}

/**
 * Replaces a hash made with an older cost by one made with today's, after the password was
 * proven: the same password, so sessions go on. Only if the hash is still the one checked.
 */
export async function rehashPassword(db: Db, userId: string, checkedHash: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).where("password_hash", "=", checkedHash).execute();
}
