import type { RunRecord } from "../runs/run-record";
import { chargedCost, snapshot } from "../runs/run-status";

/**
 * The balance is computed, not decremented: launches since the last top-up are
 * subtracted at their current charge, so a run that fails is refunded the moment
 * its status turns failed, with no timer.
 */
export class CreditLedger {
  private base: number;
  private launches: RunRecord[] = [];

  constructor(initial: number) {
    this.base = initial;
  }

  balance(now: number): number {
    const spent = this.launches.reduce((sum, run) => sum + chargedCost(run, snapshot(run, now).status), 0);
    return Math.round((this.base - spent) * 10_000) / 10_000;
  }

  canAfford(cost: number, now: number): boolean {
    return this.balance(now) + 1e-9 >= cost;
  }

  charge(run: RunRecord): void {
    this.launches.push(run);
  }

  set(balance: number): void {
    this.base = balance;
    this.launches = [];
  }
}
