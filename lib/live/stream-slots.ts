import { ConcurrencySlots } from "@/lib/runs/download-slots";

/**
 * How many event streams one teammate holds open on this instance. Each costs a connection
 * and a little memory, and each tab needs one: eight is a busy teammate's tabs, and a
 * script opening hundreds is refused instead of holding the server's sockets. Counted like
 * downloads (per process, where the streams live).
 */
export const STREAMS_PER_USER = 8;

export const streamSlots = () => new ConcurrencySlots(STREAMS_PER_USER);
