import type { Kysely } from "kysely";
import { ACTIVITY_CSV_HEADER, activityCsvRow } from "@/lib/activity/csv";
import type { ActivityCursor } from "@/lib/activity/cursor";
import { queryActivity } from "@/lib/activity/query";
import type { ActivitySelection } from "@/lib/activity/query-schema";
import type { Database } from "@/lib/db/schema";

/** Rows read per query while exporting: big enough to be quick, small enough to hold little. */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * Every entry the selection matches, newest first, as CSV text a page at a time. Read
 * lazily: the response stream pulls the next page only when the client has taken the last,
 * so a large export holds one page in memory and a client that leaves stops the reads.
 */
export async function* activityCsv(db: Kysely<Database>, selection: ActivitySelection, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> {
  yield ACTIVITY_CSV_HEADER;
  let cursor: ActivityCursor | undefined;
  for (;;) {
    const page = await queryActivity(db, { ...selection, cursor, limit: pageSize });
    if (page.entries.length > 0) yield page.entries.map(activityCsvRow).join("");
    const last = page.entries.at(-1);
    if (!page.next_cursor || !last) return;
    cursor = { at: Date.parse(last.at), id: last.id };
  }
}

/** The generator as a response body. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
