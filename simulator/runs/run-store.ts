import type { SortKey } from "./cursor";
import { lowerBound, pageDescending, type Page } from "./paging";
import type { RunRecord } from "./run-record";

const keyOf = (run: RunRecord): SortKey => ({ at: run.createdAt, id: run.id });

/** One list of runs (generations or technique runs), oldest first in memory. */
export class RunStore {
  private sorted: RunRecord[] = [];
  private readonly byId = new Map<string, RunRecord>();

  constructor(
    private readonly listName: string,
    private readonly seeded: readonly RunRecord[],
  ) {
    this.reset();
  }

  /** Drops created runs: back to the seeded history. */
  reset(): void {
    this.sorted = [...this.seeded].reverse();
    this.byId.clear();
    for (const run of this.sorted) this.byId.set(run.id, run);
  }

  get size(): number {
    return this.sorted.length;
  }

  get(id: string): RunRecord | undefined {
    return this.byId.get(id);
  }

  /** Binary-search insert: new runs usually land at the end, but the clock may be injected. */
  insert(run: RunRecord): void {
    this.sorted.splice(lowerBound(this.sorted, keyOf, keyOf(run)), 0, run);
    this.byId.set(run.id, run);
  }

  page(matches: (run: RunRecord) => boolean, after: SortKey | undefined, limit: number): Page<RunRecord> {
    return pageDescending(this.listName, this.sorted, keyOf, matches, after, limit);
  }

  all(): readonly RunRecord[] {
    return this.sorted;
  }
}
