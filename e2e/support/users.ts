import { execFileSync } from "node:child_process";

/** The suite's users; the admin is the simulator's demo admin, the others are made in setup. */
export const USERS = {
  admin: { email: "admin@atelier.local", password: "atelier-demo", role: "admin" },
  member: { email: "member@atelier.test", password: "member-password-1", role: "member" },
  viewer: { email: "viewer@atelier.test", password: "viewer-password-1", role: "viewer" },
  limited: { email: "limited@atelier.test", password: "limited-password-1", role: "member" },
} as const;

export type TestRole = "admin" | "member" | "viewer";

export const storageStateOf = (role: TestRole) => `e2e/.auth/${role}.json`;

/** Runs `npm run users -- …` against the suite's store, as an operator would. */
export function usersCommand(args: string[], stdin = ""): string {
  return execFileSync(process.execPath, ["--import", "tsx", "scripts/users.ts", ...args], {
    input: stdin,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    encoding: "utf8",
  });
}
