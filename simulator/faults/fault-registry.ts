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
]);
export type Fault = z.infer<typeof faultSchema>;

export const faultRuleInputSchema = z.object({
  method: z.string().regex(/^[A-Za-z]+$/).optional(),
  /** Prefix of the path under /api/v1, e.g. "/runs/" or "/generate". */
  path: z.string().startsWith("/"),
  times: z.number().int().min(1).max(100_000).default(1),
  fault: faultSchema,
});
export type FaultRuleInput = z.infer<typeof faultRuleInputSchema>;

export interface FaultRule {
  id: string;
  method: string | null;
  path: string;
  remaining: number;
  fault: Fault;
}

/** Armed faults, consumed first-registered-first by matching requests. */
export class FaultRegistry {
  private rules: FaultRule[] = [];
  private counter = 0;

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = {
      id: `flt_${++this.counter}`,
      method: input.method?.toUpperCase() ?? null,
      path: input.path,
      remaining: input.times,
      fault: input.fault,
    };
    this.rules.push(rule);
    return rule;
  }

  /** Takes one use of the first rule matching this request, if any. */
  take(method: string, path: string): Fault | undefined {
    const rule = this.rules.find((r) => (r.method === null || r.method === method) && path.startsWith(r.path));
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.fault;
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    return count;
  }
}
