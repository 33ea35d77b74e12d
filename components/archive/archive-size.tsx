import { formatBytes } from "@/components/runs/outputs/output-facts";

/**
 * /usage, admins only: how much the output archive holds (from its table: one sum, no walk
 * over files). The files live in ARCHIVE_DIR or the S3 bucket, not in the database backup.
 */
export function ArchiveSize({ outputs, bytes, where }: { outputs: number; bytes: number; where: "local" | "s3" }) {
  return (
    <section aria-labelledby="archive-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="archive-heading" className="text-lg font-semibold">
        Archive
      </h2>
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        <div>
          <dt className="text-sm text-muted">Size</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="archive-bytes">
            {formatBytes(bytes)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Outputs kept</dt>
          <dd className="text-xl font-semibold tabular-nums">{outputs.toLocaleString("en-US")}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">
        Copies of finished runs&apos; outputs, kept {where === "s3" ? "in the S3 bucket (S3_BUCKET)" : "in the archive folder (ARCHIVE_DIR)"} so that
        run links keep their media after FLORA&apos;s URLs expire.
      </p>
    </section>
  );
}
