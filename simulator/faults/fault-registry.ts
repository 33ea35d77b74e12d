import { z } from "zod";

export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    status: z.number().int().min(200).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ kind: z.literal("delay"), ms: z.number().int().min(0).max(600_000) }),
  z.object({ kind: z.literal("hang") }),
  z.object({ kind: z.literal("reset") }),
  z.object({ kind: z.literal("malformed") }),
  z.object({ kind: z.literal("truncated") }),
  // The request is handled (a launch really starts) but its answer never arrives.
  z.object({ kind: z.literal("lose_response") }),
  // The request is handled and its real answer sent, a few bytes at a time: a body slower
  // than the client's deadline, after headers that arrived at once.
  z.object({
    kind: z.literal("trickle"),
    bytesPerChunk: z.number().int().min(1).max(65_536).default(4),
    chunkDelayMs: z.number().int().min(1).max(60_000).default(500),
  }),
]);
export type Fault = z.infer<typeof faultSchema>;
export type TrickleFault = Extract<Fault, { kind: "trickle" }>;

export const faultRuleInputSchema = z.object({
  method: z.string().regex(/^[A-Za-z]+$/).optional(),
  /** Prefix of the path under /api/v1, e.g. "/runs/" or "/generate". */
  path: z.string().startsWith("/"),
  /** Matching requests it answers; 1 when unset, unless `for_ms` is set (then: no count limit). */
  times: z.number().int().min(1).max(100_000).optional(),
  /** It answers every matching request for this long after it is armed (a storm); with `times`, whichever ends first. */
  for_ms: z.number().int().min(1).max(3_600_000).optional(),
  fault: faultSchema,
});
export type FaultRuleInput = z.infer<typeof faultRuleInputSchema>;

export interface FaultRule {
  id: string;
  method: string | null;
  path: string;
  /** Uses left; null when only time limits it. */
  remaining: number | null;
  /** When it disarms itself (unix ms); null when only `times` limits it. */
  until: number | null;
  fault: Fault;
}

/** Armed faults, consumed first-registered-first by matching requests. */
export class FaultRegistry {
  private rules: FaultRule[] = [];
  private counter = 0;

  /** `now`: the simulator's clock (unix ms), for rules armed for a while. */
  constructor(private readonly now: () => number = Date.now) {}

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = {
      id: `flt_${++this.counter}`,
      method: input.method?.toUpperCase() ?? null,
      path: input.path,
      remaining: input.times ?? (input.for_ms === undefined ? 1 : null),
      until: input.for_ms === undefined ? null : this.now() + input.for_ms,
      fault: input.fault,
    };
    this.rules.push(rule);
    return rule;
  }

  /** Takes one use of the first live rule matching this request, if any. */
  take(method: string, path: string): Fault | undefined {
    const rule = this.list().find((r) => (r.method === null || r.method === method) && path.startsWith(r.path));
    if (!rule) return undefined;
    if (rule.remaining !== null) {
      rule.remaining--;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return rule.fault;
  }

  /** The rules still armed; those whose time is up are dropped here. */
  list(): readonly FaultRule[] {
    const now = this.now();
    this.rules = this.rules.filter((r) => r.until === null || now < r.until);
    return this.rules;
  }

  clear(): number {
    const count = this.list().length;
    this.rules = [];
    return count;
  }
}
