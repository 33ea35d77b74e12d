import type { Kysely } from "kysely";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/schema";

export interface DownloadRef {
  run_id: string;
  technique_id?: string;
  /** One output; absent for the zip of every output. */
  output_id?: string;
}

/** An output download (one file, or the run's zip) in the activity log; the run id is the subject. */
export function recordDownload(db: Kysely<Database>, { user, token }: Actor, ref: DownloadRef): Promise<void> {
  return recordActivity(db, {
    kind: "output_downloaded",
    actor: { id: user.id, email: user.email },
    subject: ref.run_id,
    detail: {
      ...(ref.technique_id && { technique_id: ref.technique_id }),
      ...(ref.output_id ? { output_id: ref.output_id } : { archive: "zip" }),
      ...(token && { token: token.name }),
    },
  });
}
