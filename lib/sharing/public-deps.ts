import "server-only";
import { outputOpener } from "@/lib/archive/output-opener";
import { clientAddress } from "@/lib/auth/client-address";
import { getDb } from "@/lib/db";
import { readRun } from "@/lib/runs/read-run";
import type { PublicDeps } from "@/lib/sharing/public-handlers";
import { publicLimiter } from "@/lib/sharing/public-limit";
import { collectionRunRef, loadPublicCollection } from "@/lib/sharing/public-collection";
import { loadPublicRun } from "@/lib/sharing/public-run";

/** The public handlers' real dependencies: the store, the shared limiter, FLORA, the archive. */
export const publicDeps: PublicDeps = {
  db: getDb,
  limiter: publicLimiter,
  addressOf: (request) => clientAddress(Object.fromEntries(request.headers)),
  loadRun: loadPublicRun,
  loadCollection: (db, link) => loadPublicCollection(db, link),
  collectionRun: collectionRunRef,
  readRun,
  openerFor: outputOpener,
};
