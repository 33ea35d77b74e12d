import type { User } from "@/lib/db/schema";

/** The personal access token a request came with, as launches and activity record it. */
export interface TokenRef {
  id: string;
  name: string;
}

/** Who is acting: the user, and the token they used (null for a session cookie). */
export interface Actor {
  user: User;
  token: TokenRef | null;
}
