import { ROLES, type Role } from "@/lib/db/schema";

export { ROLES, type Role };

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

/** viewer browses everything; member also launches; admin also manages users. */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const canLaunch = (role: Role) => hasRole(role, "member");
export const canManageUsers = (role: Role) => hasRole(role, "admin");

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = { viewer: "Viewer", member: "Member", admin: "Admin" };
