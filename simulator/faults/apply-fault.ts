import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { defaultErrorFor } from "../http/api-error";
import { sendJson, sendText, type Reply } from "../http/reply";
import type { Fault, TrickleFault } from "./fault-registry";

/** Valid JSON with every collection and run field of the wrong type, whatever the endpoint. */
const MALFORMED_BODY = {
  generations: "nope",
  technique_runs: "nope",
  projects: "nope",
  techniques: "nope",
  workspaces: "nope",
  models: "nope",
  meta: { next_cursor: 42 },
  run_id: 12345,
  status: "exploded",
  progress: "lots",
  created_at: "yesterday",
  outputs: "nope",
  charged_cost: "free",
};

/** A body cut mid-token; the headers are complete and consistent, the JSON is not. */
const TRUNCATED_BODY = '{"generations":[{"run_id":"run_truncated","status":"runn';

/**
 * Plays a fault. Returns true when the fault took over the response (nothing else
 * may answer), false when the request should carry on (delay; lose_response and trickle
 * change how the handler's answer is sent, see api-handler).
 */
export async function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  switch (fault.kind) {
    case "status":
      sendJson(res, fault.status, fault.body === undefined ? defaultErrorFor(fault.status).toBody() : fault.body, fault.headers);
      return true;
    case "delay":
      // Unref'd so a long delay cannot keep a closed simulator's process alive.
      await sleep(fault.ms, undefined, { ref: false });
      return false;
    case "hang":
      // Never answer; the socket stays open until the client gives up or the server closes.
      return true;
    case "reset":
      req.socket.destroy();
      return true;
    case "malformed":
      sendJson(res, 200, MALFORMED_BODY);
      return true;
    case "truncated":
      sendText(res, 200, TRUNCATED_BODY);
      return true;
    case "lose_response":
      // Handled normally; the API handler drops the answer instead of sending it.
      return false;
    case "trickle":
      // Handled normally; the API handler sends the answer through trickleReply.
      return false;
  }
}

/**
 * Sends a handler's answer with complete headers at once, then its body `bytesPerChunk`
 * bytes at a time, `chunkDelayMs` apart. Stops as soon as the client goes away, so an
 * abandoned trickle neither writes to a closed socket nor keeps a timer going.
 */
export async function trickleReply(res: ServerResponse, reply: Reply, fault: TrickleFault): Promise<void> {
  const body = Buffer.from(JSON.stringify(reply.body));
  let gone = false;
  res.once("close", () => {
    gone = true;
  });
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "content-length": String(body.length),
    "cache-control": "no-store",
    ...reply.headers,
  });
  res.flushHeaders();
  for (let offset = 0; offset < body.length; offset += fault.bytesPerChunk) {
    // Unref'd, like delay: a trickle must not keep a closed simulator's process alive.
    await sleep(fault.chunkDelayMs, undefined, { ref: false });
    if (gone) return;
    res.write(body.subarray(offset, offset + fault.bytesPerChunk));
  }
  res.end();
}
