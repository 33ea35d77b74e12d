/**
 * Money as the dashboard shows it: one unit, US dollars, with FLORA's credits beside them
 * where FLORA quotes credits. Pure, so the server, the browser and the tests agree.
 *
 * FLORA charges in USD (`charged_cost`), but quotes a model's price as `estimated_credits`
 * and does not publish a rate. The charges seen so far (the simulator's included) read as
 * one credit = one US cent (an 8-credit model run with 4 images is charged $0.32), so that
 * is the rate used here; change it in this one place if FLORA publishes another.
 */
export const USD_PER_CREDIT = 0.01;

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });
const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export const creditsToUsd = (credits: number) => Math.round(credits * USD_PER_CREDIT * 10_000) / 10_000;

/**
 * A technique's `run_cost` in dollars. The SDK's comment calls it USD, but the charges seen
 * for technique runs (`charged_cost`, the simulator's included) come to `run_cost` credits
 * (20 → $0.20), so it is read as credits, like a model's `estimated_credits`.
 */
export const techniqueCostUsd = (runCost: number) => creditsToUsd(runCost);

/** "$0.32", "$0.005"; an em dash when there is no figure. */
export function formatUsd(amount: number | null | undefined): string {
  if (amount == null || !Number.isFinite(amount)) return "—";
  return usd.format(amount);
}

/** "1 credit", "8 credits", "1.5 credits". */
export function formatCredits(credits: number): string {
  return `${count.format(credits)} ${credits === 1 ? "credit" : "credits"}`;
}

/** "$0.32 (32 credits)": dollars first, credits secondary. */
export function formatCreditsAsUsd(credits: number): string {
  return `${formatUsd(creditsToUsd(credits))} (${formatCredits(credits)})`;
}

/** "1 image", "4 images": a plural that follows its number. */
export function plural(amount: number, one: string, many = `${one}s`): string {
  return `${count.format(amount)} ${amount === 1 ? one : many}`;
}
