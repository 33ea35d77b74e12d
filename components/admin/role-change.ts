import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

/** What a role lets its holder do, as the users page explains it. */
const ROLE_POWERS: Record<Role, string> = {
  viewer: "browse everything",
  member: "browse and launch runs",
  admin: "browse, launch runs and manage users",
};

export interface RoleChange {
  userId: string;
  email: string;
  from: Role;
  to: Role;
  isMe: boolean;
}

/** The confirmation's words: what changes, and what it means when it is your own role. */
export function describeRoleChange(change: RoleChange): { title: string; lines: string[]; confirmLabel: string } {
  const to = ROLE_LABELS[change.to];
  // A new role ends the user's sessions (lib/users/users.ts setRole).
  const lines = [`${ROLE_LABELS[change.from]} → ${to}: they will ${ROLE_POWERS[change.to]}.`, "They are signed out everywhere and sign in again."];
  if (change.isMe) {
    lines[0] = `${ROLE_LABELS[change.from]} → ${to}: you will ${ROLE_POWERS[change.to]}.`;
    lines[1] = "You are signed out everywhere, this session included, and sign in again.";
    if (change.from === "admin") lines.push("You will no longer manage users. Only another admin can give the role back.");
  }
  return {
    title: change.isMe ? "Change your own role?" : `Change the role of ${change.email}?`,
    lines,
    confirmLabel: `Make ${change.isMe ? "me" : "them"} ${to.toLowerCase()}`,
  };
}
