import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { BY_USERS_COMMAND } from "@/lib/activity/user-changes";
import type { Database, User } from "@/lib/db/schema";
import { runTokenCommand, TOKEN_USAGE } from "@/lib/users/token-command";
import { BUDGET_USAGE, isBudgetCommand, runBudgetCommand } from "@/lib/users/budget-command";
import { UserError } from "@/lib/users/user-error";
import {
  addUser,
  disableUser,
  enableUser,
  endSessions,
  findUserByEmail,
  listUsers,
  parseEmail,
  parseRole,
  removeUser,
  setPassword,
  setRole,
} from "@/lib/users/users";

export const USAGE = `Usage: npm run users -- <command>

  add EMAIL --role ROLE --password-stdin [--name NAME]   add a user; the password is read from standard input
  list                                                  list every user
  set-role EMAIL ROLE                                   change a user's role (viewer, member, admin)
  set-password EMAIL --password-stdin                   replace a user's password
  disable EMAIL                                         stop a user signing in (their sessions end too)
  enable EMAIL                                          let a disabled user sign in again (not the demo admin)
  remove EMAIL                                          delete a user (their launches stay on record)
  sign-out-everywhere EMAIL                             end every session of a user at once
${TOKEN_USAGE}
${BUDGET_USAGE}`;

export interface CommandIo {
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}

const OPTIONS = {
  role: { type: "string" },
  name: { type: "string" },
  "password-stdin": { type: "boolean" },
} as const;

/** Splits options from positional arguments; a missing value or an unknown option is a usage error, in Node's words. */
function parseOptions(args: string[]) {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    return { positional: positionals, options: values };
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS_")) throw new UsageError(error.message);
    throw error;
  }
}

function expectPositional(positional: string[], count: number, what: string): string[] {
  if (positional.length !== count) throw new UsageError(`${what}`);
  return positional;
}

/** The first line of standard input, without its line ending: passwords may contain spaces. */
async function readPassword(io: CommandIo): Promise<string> {
  const text = await io.readStdin();
  const password = text.split(/\r?\n/)[0] ?? "";
  if (password === "") throw new UsageError("--password-stdin: standard input was empty.");
  return password;
}

function describeUser(user: User): string {
  const state = user.disabled_at === null ? "active" : "disabled";
  const demo = user.is_demo ? " (demo)" : "";
  return `${user.email}\t${user.role}\t${state}${demo}\t${user.name ?? ""}`;
}

/** Runs one users command; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function runUsersCommand(db: Kysely<Database>, args: string[], io: CommandIo): Promise<number> {
  try {
    const [command, ...rest] = args;
    // `token …` has options of its own (lib/users/token-command.ts).
    if (command === "token") return await runTokenCommand(db, rest, io);
    // `set-budget` / `set-team-budget` take an amount ("none" too) (lib/users/budget-command.ts).
    if (isBudgetCommand(command)) return await runBudgetCommand(db, command, rest, io);
    const { positional, options } = parseOptions(rest);
    switch (command) {
      case "add": {
        const [email] = expectPositional(positional, 1, "add takes one EMAIL.");
        const { role, name } = options;
        if (role === undefined) throw new UsageError("add needs --role ROLE.");
        if (!options["password-stdin"]) throw new UsageError("add needs --password-stdin.");
        // Refuse a bad email or role before waiting on standard input.
        const user = await addUser(db, {
          email: parseEmail(email!),
          role: parseRole(role),
          name: name ?? null,
          password: await readPassword(io),
        }, Date.now(), BY_USERS_COMMAND);
        io.out(`Added ${user.email} as ${user.role}.`);
        return 0;
      }
      case "list": {
        expectPositional(positional, 0, "list takes no arguments.");
        const users = await listUsers(db);
        if (users.length === 0) io.out("No users yet.");
        for (const user of users) io.out(describeUser(user));
        return 0;
      }
      case "set-role": {
        const [email, role] = expectPositional(positional, 2, "set-role takes EMAIL and ROLE.");
        const user = await setRole(db, email!, role!, BY_USERS_COMMAND);
        io.out(`${user.email} is now ${user.role}.`);
        return 0;
      }
      case "set-password": {
        const [email] = expectPositional(positional, 1, "set-password takes one EMAIL.");
        if (!options["password-stdin"]) throw new UsageError("set-password needs --password-stdin.");
        await setPassword(db, email!, await readPassword(io), BY_USERS_COMMAND);
        io.out(`Password of ${email!.trim().toLowerCase()} changed.`);
        return 0;
      }
      case "disable":
      case "enable":
      case "remove": {
        const [email] = expectPositional(positional, 1, `${command} takes one EMAIL.`);
        // Each records itself in the activity log as done by the users command.
        const action = {
          disable: (address: string) => disableUser(db, address, Date.now(), BY_USERS_COMMAND),
          enable: (address: string) => enableUser(db, address, {}, BY_USERS_COMMAND),
          remove: (address: string) => removeUser(db, address, BY_USERS_COMMAND),
        }[command];
        const user = await action(email!);
        io.out(`${command === "remove" ? "Removed" : command === "disable" ? "Disabled" : "Enabled"} ${user.email}.`);
        return 0;
      }
      case "sign-out-everywhere": {
        const [email] = expectPositional(positional, 1, "sign-out-everywhere takes one EMAIL.");
        const user = await findUserByEmail(db, parseEmail(email!));
        if (!user) throw new UserError("not_found", `No user has the email ${email!.trim().toLowerCase()}.`, "email");
        await endSessions(db, user.id, BY_USERS_COMMAND);
        io.out(`Ended every session of ${user.email}.`);
        return 0;
      }
      default:
        throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`users: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UserError) {
      io.err(`users: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
