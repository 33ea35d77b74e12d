import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** The impacts that block a teammate; moderate and minor findings are left to review. */
const BLOCKING = new Set(["serious", "critical"]);

/** Elements listed per rule; a rule broken by every row of a list says so in a few lines. */
const TARGETS_SHOWN = 8;

/** One line per rule, then one indented line per element, so a failure says what to fix and where. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.slice(0, TARGETS_SHOWN).map((node) => `    ${node.target.join(" >>> ")}`);
      const more = violation.nodes.length - TARGETS_SHOWN;
      if (more > 0) targets.push(`    … and ${more} more`);
      return [`${violation.id} (${violation.impact}): ${violation.help}`, ...targets].join("\n");
    })
    .join("\n");
}

/** Runs axe on the page as it is now and fails on any serious or critical violation. */
export async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ""));
  // Compared as text: a failure prints the rule, impact and selectors, not a diff of axe's objects.
  expect(describeViolations(blocking), `serious or critical axe violations on ${page.url()}`).toBe("");
}
