/**
 * `npm run audit:production`: fails when a production dependency has a high or critical
 * advisory. Some registries (mirrors, and the one these build machines reach) do not serve
 * npm's advisory endpoint: that is said plainly, as "not checked", and is not a failure,
 * because nothing was learned either way; `AUDIT_REQUIRED=1` makes it one.
 */
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit gave no report (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}

const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = report?.message ?? report?.error?.summary ?? "no advisory data";
  console.log(`npm audit: NOT CHECKED: the registry did not serve advisories (${reason}).`);
  process.exit(process.env.AUDIT_REQUIRED === "1" ? 1 : 0);
}

const serious = (counts.high ?? 0) + (counts.critical ?? 0);
const names = Object.entries(report.vulnerabilities ?? {})
  .filter(([, advisory]) => advisory.severity === "high" || advisory.severity === "critical")
  .map(([name, advisory]) => `${name} (${advisory.severity})`);
console.log(
  `npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low.`,
);
if (serious > 0) {
  console.error(`High or critical advisories in production dependencies: ${names.join(", ")}`);
  process.exit(1);
}
