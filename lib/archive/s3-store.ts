import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { archiveKeySchema } from "@/lib/archive/keys";
import type { ArchiveObject, ArchiveObjectInfo, ArchivePutMeta, ArchiveStore, ByteRange } from "@/lib/archive/store";

/**
 * The archive in S3-compatible object storage (AWS S3, MinIO, R2...). Path-style addressing
 * when an endpoint is given, since most S3-compatible servers do not serve bucket
 * subdomains. Credentials: S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY when set, else the AWS
 * SDK's default chain (AWS_* variables, a profile, an instance role). Checksums only where
 * S3 requires them: the SDK's default trailing checksums are not understood by every
 * S3-compatible server. One PUT per object: S3 writes it whole or not at all.
 */

export interface S3StoreOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const OCTET_STREAM = "application/octet-stream";

function isMissing(error: unknown): boolean {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound";
  return false;
}

export function createS3Store(options: S3StoreOptions): ArchiveStore {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint && { endpoint: options.endpoint, forcePathStyle: true }),
    ...(options.credentials && { credentials: options.credentials }),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  const checked = (key: string) => archiveKeySchema.parse(key);

  return {
    kind: "s3",

    async put(key: string, body: Buffer | Readable, meta: ArchivePutMeta): Promise<ArchiveObjectInfo> {
      const bytes = Buffer.isBuffer(body) ? body.length : meta.bytes;
      if (bytes === undefined) throw new Error("an S3 upload of a stream needs its length");
      await client.send(new PutObjectCommand({ Bucket, Key: checked(key), Body: body, ContentType: meta.contentType, ContentLength: bytes }));
      return { bytes, contentType: meta.contentType };
    },

    async get(key: string, range?: ByteRange): Promise<ArchiveObject | null> {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: checked(key), ...(range && { Range: `bytes=${range.start}-${range.end}` }) }));
        if (!answer.Body) return null;
        // A ranged answer's ContentLength is the part's: the whole size is after the slash.
        const whole = range ? Number(answer.ContentRange?.split("/")[1]) : answer.ContentLength;
        return { bytes: Number.isSafeInteger(whole) ? (whole as number) : 0, contentType: answer.ContentType ?? OCTET_STREAM, body: answer.Body as Readable };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async head(key: string): Promise<ArchiveObjectInfo | null> {
      try {
        const answer = await client.send(new HeadObjectCommand({ Bucket, Key: checked(key) }));
        return { bytes: answer.ContentLength ?? 0, contentType: answer.ContentType ?? OCTET_STREAM };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checked(key) }));
    },

    async check(): Promise<void> {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
