import Link from "next/link";
import { NavLink } from "@/components/layout/nav-link";

const NAVIGATION = [
  { href: "/generations", label: "History" },
  { href: "/technique-runs", label: "Technique runs" },
  { href: "/new", label: "New generation" },
] as const;

export function AppHeader() {
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
        </nav>
      </div>
    </header>
  );
}
