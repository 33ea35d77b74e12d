import { AppLink } from "@/components/ui/app-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { HeaderBudgetWarning } from "@/components/budgets/header-budget-warning";
import { HeaderMenu } from "@/components/layout/header-menu";
import { KeyboardHelp } from "@/components/layout/keyboard-help";
import { NavLink } from "@/components/layout/nav-link";
import { ShortcutList } from "@/components/layout/shortcut-list";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { canLaunch, canManageUsers, ROLE_LABELS } from "@/lib/auth/roles";
import type { User } from "@/lib/db/schema";

const NAVIGATION = [
  // A run's page is reached from the history, so the history is where you are.
  { href: "/generations", label: "History", also: ["/runs"] },
  { href: "/technique-runs", label: "Technique runs" },
  { href: "/techniques", label: "Techniques" },
  { href: "/collections", label: "Collections", also: ["/compare"] },
  { href: "/new", label: "New generation" },
  { href: "/usage", label: "Usage" },
] as const;

export function AppHeader({ user }: { user: Pick<User, "id" | "email" | "name" | "role"> }) {
  return (
    <header className="border-b border-black/10 bg-canvas/95">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 md:pb-1.5">
        <AppLink href="/generations" className="text-lg font-semibold tracking-tight">
          Atelier
        </AppLink>
        <HeaderMenu
          tools={
            <>
              <KeyboardHelp>
                <ShortcutList />
              </KeyboardHelp>
              <ThemeToggle />
            </>
          }
          navigation={
            <nav aria-label="Main" className="flex flex-col gap-1 md:flex-row md:flex-wrap md:gap-0.5">
              {NAVIGATION.map((item) => (
                <NavLink key={item.href} href={item.href} also={"also" in item ? item.also : undefined}>
                  {item.label}
                </NavLink>
              ))}
              {canManageUsers(user.role) && <NavLink href="/admin/users">Users</NavLink>}
              {canManageUsers(user.role) && <NavLink href="/activity">Activity</NavLink>}
            </nav>
          }
          account={
            <>
              {canLaunch(user.role) && <HeaderBudgetWarning userId={user.id} />}
              <AppLink
                href="/account"
                className="min-w-0 rounded-md px-2 py-1 text-sm hover:bg-white"
                data-testid="signed-in-user"
                title="Your account"
              >
                <span className="break-all font-medium">{user.name ?? user.email}</span>{" "}
                <span className="whitespace-nowrap rounded-full bg-black/5 px-2 py-0.5 text-xs text-muted">{ROLE_LABELS[user.role]}</span>
              </AppLink>
              <AppLink href="/account/tokens" className="rounded-md px-2 py-1 text-sm hover:bg-white">
                Tokens
              </AppLink>
              <SignOutButton />
            </>
          }
        />
      </div>
    </header>
  );
}
