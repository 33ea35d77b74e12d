import type { Readable } from "node:stream";

/**
 * The archive's storage seam: a local folder (the default) or S3-compatible object storage.
 * Keys come from lib/archive/keys.ts only. Content types travel with the object.
 */

export interface ArchiveObjectInfo {
  bytes: number;
  contentType: string;
}

export interface ArchiveObject extends ArchiveObjectInfo {
  body: Readable;
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface ArchivePutMeta {
  contentType: string;
  /** Required with a stream by S3 (it needs the length up front); a Buffer knows its own. */
  bytes?: number;
}

export interface ArchiveStore {
  readonly kind: "local" | "s3";
  /** Writes the whole object or nothing: a reader never sees half a file. */
  put(key: string, body: Buffer | Readable, meta: ArchivePutMeta): Promise<ArchiveObjectInfo>;
  /**
   * The object, or null when there is none; with a range, only bytes start..end (inclusive,
   * already checked against the size by the caller), for players that seek.
   */
  get(key: string, range?: ByteRange): Promise<ArchiveObject | null>;
  head(key: string): Promise<ArchiveObjectInfo | null>;
  /** Removes the object; nothing when it is already gone. */
  delete(key: string): Promise<void>;
  /** Throws, saying why, when the store cannot be written (local) or reached (S3). */
  check(): Promise<void>;
}
