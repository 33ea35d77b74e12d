import type { Kysely } from "kysely";
import { BY_USERS_COMMAND } from "@/lib/activity/user-changes";
import type { Database } from "@/lib/db/schema";
import { capArgumentSchema, TEAM_SCOPE } from "@/lib/budgets/caps";
import { changeBudget, describeCap } from "@/lib/budgets/change-budget";
import { UserError } from "@/lib/users/user-error";
import { findUserByEmail, parseEmail } from "@/lib/users/users";

/** `npm run users -- set-budget EMAIL USD` and `set-team-budget USD`: monthly caps in USD (UTC months). */
export const BUDGET_USAGE = `  set-budget EMAIL USD                                  set a user's monthly cap in US dollars (none removes it)
  set-team-budget USD                                   set the whole team's monthly cap in US dollars (none removes it)`;

export const BUDGET_COMMANDS = ["set-budget", "set-team-budget"] as const;
export type BudgetCommand = (typeof BUDGET_COMMANDS)[number];

export const isBudgetCommand = (command: string | undefined): command is BudgetCommand =>
  (BUDGET_COMMANDS as readonly string[]).includes(command ?? "");

interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** The USD argument, or the reason it is not one. */
function parseAmount(text: string): number | null | string {
  const parsed = capArgumentSchema.safeParse(text);
  return parsed.success ? parsed.data : `USD ${parsed.error.issues[0]?.message ?? "is not valid"}`;
}

/** Runs one budget command; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function runBudgetCommand(db: Kysely<Database>, command: BudgetCommand, args: string[], io: Io): Promise<number> {
  const wanted = command === "set-budget" ? 2 : 1;
  if (args.length !== wanted) {
    io.err(`users: ${command === "set-budget" ? "set-budget takes EMAIL and USD." : "set-team-budget takes USD."}\n\n${BUDGET_USAGE}`);
    return 2;
  }
  const amount = parseAmount(args[wanted - 1]!);
  if (typeof amount === "string") {
    io.err(`users: ${amount}\n\n${BUDGET_USAGE}`);
    return 2;
  }
  if (command === "set-team-budget") {
    await changeBudget(db, { scope: TEAM_SCOPE }, amount, BY_USERS_COMMAND);
    io.out(`The team's budget is now ${describeCap(amount)}.`);
    return 0;
  }
  try {
    const email = parseEmail(args[0]!);
    const user = await findUserByEmail(db, email);
    if (!user) throw new UserError("not_found", `No user has the email ${email}.`, "email");
    await changeBudget(db, { scope: user.id, email: user.email }, amount, BY_USERS_COMMAND);
    io.out(`${user.email}'s budget is now ${describeCap(amount)}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.err(`users: ${error.message}`);
    return 1;
  }
}
