/**
 * Who may sign in through OAuth/OIDC: exact addresses (`ana@example.com`) and whole domains
 * (`@example.com` or `example.com`). An empty allowlist admits nobody: OAuth is opt-in.
 */
export interface Allowlist {
  allows(email: string): boolean;
}

export function parseAllowlist(text: string | undefined): Allowlist {
  const emails = new Set<string>();
  const domains = new Set<string>();
  for (const raw of (text ?? "").split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.startsWith("@")) domains.add(entry.slice(1));
    else if (entry.includes("@")) emails.add(entry);
    else domains.add(entry);
  }
  return {
    allows(email) {
      const normalized = email.trim().toLowerCase();
      const at = normalized.lastIndexOf("@");
      if (at <= 0 || at === normalized.length - 1) return false;
      return emails.has(normalized) || domains.has(normalized.slice(at + 1));
    },
  };
}
