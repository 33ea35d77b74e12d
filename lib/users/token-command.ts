import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import type { ApiToken, Database } from "@/lib/db/schema";
import { PREFIX_PATTERN, parseToken } from "@/lib/tokens/token-format";
import { recordTokenActivity } from "@/lib/tokens/token-activity";
import { TokenError } from "@/lib/tokens/token-error";
import { MAX_EXPIRY_DAYS, tokenStatus } from "@/lib/tokens/token-rules";
import { createToken, findTokenByPrefix, listTokens, revokeToken } from "@/lib/tokens/token-store";
import { UserError } from "@/lib/users/user-error";
import { findUserByEmail, findUserById, parseEmail, parseRole } from "@/lib/users/users";

/** `npm run users -- token …`: personal access tokens from a shell (the page is /account/tokens). */
export const TOKEN_USAGE = `  token add EMAIL --name NAME [--expires-days N] [--role ROLE]
                                                        make an access token (atl_…) for a user; it is printed once, on the last line
  token list EMAIL                                      list a user's tokens (prefix, name, role, status, dates)
  token revoke TOKEN_PREFIX                             revoke a token for good (atl_ and 8 characters, or the whole token)`;

interface Io {
  out(line: string): void;
  err(line: string): void;
}

class TokenUsageError extends Error {}

const OPTIONS = { name: { type: "string" }, "expires-days": { type: "string" }, role: { type: "string" } } as const;

const day = (at: number | null) => (at === null ? "-" : new Date(at).toISOString().slice(0, 10));

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS_")) throw new TokenUsageError(error.message);
    throw error;
  }
}

function parseDays(value: string | undefined): number | null {
  if (value === undefined || value === "none") return null;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > MAX_EXPIRY_DAYS) {
    throw new TokenUsageError(`--expires-days takes a whole number of days from 1 to ${MAX_EXPIRY_DAYS} (or none).`);
  }
  return days;
}

async function ownerByEmail(db: Kysely<Database>, email: string) {
  const owner = await findUserByEmail(db, parseEmail(email));
  if (!owner) throw new UserError("not_found", `No user has the email ${email.trim().toLowerCase()}.`, "email");
  return owner;
}

function describeToken(token: ApiToken, now: number): string {
  return [token.prefix, token.name, token.role, tokenStatus(token, now), `created ${day(token.created_at)}`, `expires ${day(token.expires_at)}`, `last used ${day(token.last_used_at)}`].join("\t");
}

/** Runs `token add|list|revoke`; the exit code is 0 ok, 1 refused, 2 usage, like the other users commands. */
export async function runTokenCommand(db: Kysely<Database>, args: string[], io: Io, now = Date.now()): Promise<number> {
  try {
    const { positionals, values } = parseOptions(args);
    const [action, ...rest] = positionals;
    switch (action) {
      case "add": {
        if (rest.length !== 1) throw new TokenUsageError("token add takes one EMAIL.");
        if (values.name === undefined) throw new TokenUsageError("token add needs --name NAME.");
        const days = parseDays(values["expires-days"]);
        const role = values.role === undefined ? undefined : parseRole(values.role);
        const owner = await ownerByEmail(db, rest[0]!);
        const { token, row } = await createToken(db, { owner, name: values.name, role, expiresInDays: days }, now);
        await recordTokenActivity(db, "token_created", null, row, owner.email, now);
        io.out(`Token "${row.name}" (${row.prefix}) for ${owner.email} as ${row.role}, expires ${row.expires_at === null ? "never" : `${day(row.expires_at)} (UTC)`}.`);
        io.out("It is shown only now: store it as FLORA_API_KEY where it is needed.");
        // Last line, alone, so a script can take it with `tail -n 1`.
        io.out(token);
        return 0;
      }
      case "list": {
        if (rest.length !== 1) throw new TokenUsageError("token list takes one EMAIL.");
        if (values.name !== undefined || values["expires-days"] !== undefined || values.role !== undefined) throw new TokenUsageError("token list takes no options.");
        const owner = await ownerByEmail(db, rest[0]!);
        const tokens = await listTokens(db, owner.id);
        if (tokens.length === 0) io.out(`${owner.email} has no tokens.`);
        for (const token of tokens) io.out(describeToken(token, now));
        return 0;
      }
      case "revoke": {
        if (rest.length !== 1) throw new TokenUsageError("token revoke takes one TOKEN_PREFIX.");
        if (values.name !== undefined || values["expires-days"] !== undefined || values.role !== undefined) throw new TokenUsageError("token revoke takes no options.");
        const given = rest[0]!.trim();
        // The whole token works too, but only its public part is ever looked at.
        const prefix = parseToken(given)?.prefix ?? given;
        if (!PREFIX_PATTERN.test(prefix)) throw new TokenUsageError(`"${given}" is not a token prefix (atl_ and 8 letters or digits).`);
        const found = await findTokenByPrefix(db, prefix);
        if (!found) throw new TokenError("not_found", `No token has the prefix ${prefix}.`);
        const { row, changed } = await revokeToken(db, found.id, now);
        const ownerEmail = (await findUserById(db, row.user_id))?.email ?? "?";
        if (!changed) {
          io.out(`${row.prefix} ("${row.name}") of ${ownerEmail} was already revoked.`);
          return 0;
        }
        await recordTokenActivity(db, "token_revoked", null, row, ownerEmail, now);
        io.out(`Revoked ${row.prefix} ("${row.name}") of ${ownerEmail}; the dashboard refuses it within a second.`);
        return 0;
      }
      default:
        throw new TokenUsageError(action ? `Unknown token command "${action}".` : "token needs add, list or revoke.");
    }
  } catch (error) {
    if (error instanceof TokenUsageError) {
      io.err(`users: ${error.message}\n\n${TOKEN_USAGE}`);
      return 2;
    }
    if (error instanceof UserError || error instanceof TokenError) {
      io.err(`users: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
