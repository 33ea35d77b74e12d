import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "@/components/layout/nav-link";
import { canManageUsers, ROLE_LABELS } from "@/lib/auth/roles";
import type { User } from "@/lib/db/schema";

const NAVIGATION = [
  { href: "/generations", label: "History" },
  { href: "/technique-runs", label: "Technique runs" },
  { href: "/techniques", label: "Techniques" },
  { href: "/new", label: "New generation" },
] as const;

export function AppHeader({ user }: { user: Pick<User, "email" | "name" | "role"> }) {
  return (
    <header className="border-b border-black/10 bg-canvas/95">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-6 px-4 py-3">
        <Link href="/generations" className="text-lg font-semibold tracking-tight">
          Atelier
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-1">
          {NAVIGATION.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
          {canManageUsers(user.role) && <NavLink href="/admin/users">Users</NavLink>}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <Link href="/account" className="rounded-md px-2 py-1 text-sm hover:bg-white" data-testid="signed-in-user" title="Your account">
            <span className="font-medium">{user.name ?? user.email}</span>{" "}
            <span className="rounded-full bg-black/5 px-2 py-0.5 text-xs text-muted">{ROLE_LABELS[user.role]}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
