import type { Role } from "@/lib/db/schema";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user's session_version when the token was issued (lib/db/migrations/0002). */
    sv?: number;
  }
}
