import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES, type Database, type Role, type User } from "@/lib/db/schema";
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

/** Refuses a change that would leave no active admin. */
async function guardLastAdmin(db: Db, user: User, action: string) {
  if (user.role !== "admin" || user.disabled_at !== null) return;
  const { count } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(count) <= 1) {
    throw new UserError("last_admin", `Cannot ${action} ${user.email}: they are the last active admin.`);
  }
}

export async function setRole(db: Db, email: string, role: string): Promise<User> {
  const user = await requireUser(db, email);
  const nextRole = parseRole(role);
  if (nextRole !== "admin") await guardLastAdmin(db, user, "change the role of");
  await db.updateTable("users").set({ role: nextRole }).where("id", "=", user.id).execute();
  return { ...user, role: nextRole };
}

export async function disableUser(db: Db, email: string, now = Date.now()): Promise<User> {
  const user = await requireUser(db, email);
  if (user.disabled_at !== null) return user;
  await guardLastAdmin(db, user, "disable");
  await db.updateTable("users").set({ disabled_at: now }).where("id", "=", user.id).execute();
  return { ...user, disabled_at: now };
}

export async function enableUser(db: Db, email: string): Promise<User> {
  const user = await requireUser(db, email);
  await db.updateTable("users").set({ disabled_at: null }).where("id", "=", user.id).execute();
  return { ...user, disabled_at: null };
}

export async function removeUser(db: Db, email: string): Promise<User> {
  const user = await requireUser(db, email);
  await guardLastAdmin(db, user, "remove");
  await db.deleteFrom("users").where("id", "=", user.id).execute();
  return user;
}

export async function setPassword(db: Db, email: string, password: string): Promise<void> {
  const user = await requireUser(db, email);
  const hash = await hashPassword(parsePassword(password));
  await db.updateTable("users").set({ password_hash: hash }).where("id", "=", user.id).execute();
}
