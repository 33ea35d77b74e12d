import { execFileSync } from "node:child_process";

/** The suite's users; the admin is the simulator's demo admin, the others are made in setup. */
export const USERS = {
  admin: { email: "admin@atelier.local", password: "atelier-demo", role: "admin" },
  member: { email: "member@atelier.test", password: "member-password-1", role: "member" },
  viewer: { email: "viewer@atelier.test", password: "viewer-password-1", role: "viewer" },
  limited: { email: "limited@atelier.test", password: "limited-password-1", role: "member" },
} as const;

export type TestRole = "admin" | "member" | "viewer";

/** A role's signed-in browser state on a stack (this worker's, unless named). */
export const storageStateOf = (role: TestRole, stack = Number(process.env.E2E_STACK ?? 0)) => `e2e/.auth/stack${stack}/${role}.json`;

/** Runs `npm run users -- …` against a stack's store (this worker's, unless named), as an operator would. */
export function usersCommand(args: string[], stdin = "", stack = Number(process.env.E2E_STACK ?? 0)): string {
  return execFileSync(process.execPath, ["--import", "tsx", "scripts/users.ts", ...args], {
    input: stdin,
    env: { ...process.env, DATABASE_URL: process.env[`E2E_DATABASE_URL_${stack}`] },
    encoding: "utf8",
  });
}
