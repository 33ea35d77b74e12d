import { fromMicros, toMicros } from "@/lib/budgets/month";

/**
 * Sums of dollars without float drift: amounts are added as whole micro-dollars (the unit
 * the budgets compare in), so $0.1 + $0.2 is $0.3 and the page, the export and the store's
 * own sum agree.
 */
export class UsdSum {
  private micros = 0;

  add(amount: number | null | undefined): void {
    if (amount != null && Number.isFinite(amount)) this.micros += toMicros(amount);
  }

  get value(): number {
    return fromMicros(this.micros);
  }
}

export function subtractUsd(a: number, b: number): number {
  return fromMicros(toMicros(a) - toMicros(b));
}
