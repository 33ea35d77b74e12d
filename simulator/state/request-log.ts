export interface LoggedRequest {
  request_id: string;
  method: string;
  /** Path under the origin, with its query string. */
  path: string;
  idempotency_key: string | null;
  time: number;
  /** null while in flight, and forever for hang/reset faults. */
  status: number | null;
  fault: string | null;
}

const MAX_ENTRIES = 10_000;

/** What the API received, so tests can count upstream calls. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    if (this.entries.length >= MAX_ENTRIES) this.entries.shift();
    this.entries.push(entry);
    return entry;
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
