import { z } from "zod";

/**
 * The two shapes browsers send a CSP violation in: `application/csp-report` (report-uri,
 * one report) and `application/reports+json` (the Reporting API, a list of reports of any
 * type). Parsed tolerantly, since browsers differ in what they fill in: a few fields are
 * kept, each cut to a length a log line can carry; everything else is dropped.
 */

export const CSP_REPORT_TYPES = ["application/csp-report", "application/reports+json"] as const;
export const MAX_FIELD_LENGTH = 500;
/** One body carries a handful of reports at most; more are dropped, never logged. */
export const MAX_VIOLATIONS_PER_BODY = 5;

export type CspViolation = {
  document?: string;
  blocked?: string;
  directive?: string;
  source?: string;
  sample?: string;
};

const field = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).slice(0, MAX_FIELD_LENGTH))
  .optional()
  .catch(undefined);

const legacyReport = z.object({
  "csp-report": z.object({
    "document-uri": field,
    "blocked-uri": field,
    "effective-directive": field,
    "violated-directive": field,
    "source-file": field,
    "script-sample": field,
  }),
});

const reportingApiReport = z.object({
  type: z.literal("csp-violation"),
  body: z.object({
    documentURL: field,
    blockedURL: field,
    effectiveDirective: field,
    sourceFile: field,
    sample: field,
  }),
});

const withoutBlanks = (violation: CspViolation): CspViolation =>
  Object.fromEntries(Object.entries(violation).filter(([, value]) => value !== undefined && value !== "")) as CspViolation;

/** Reports that said nothing we keep are not worth a log line. */
const worthLogging = (violations: CspViolation[]) => violations.map(withoutBlanks).filter((violation) => Object.keys(violation).length > 0);

/** The violations in a parsed body of the given media type (lower case, no parameters). */
export function cspViolations(mediaType: (typeof CSP_REPORT_TYPES)[number], body: unknown): CspViolation[] {
  if (mediaType === "application/csp-report") {
    const parsed = legacyReport.safeParse(body);
    if (!parsed.success) return [];
    const report = parsed.data["csp-report"];
    return worthLogging([
      {
        document: report["document-uri"],
        blocked: report["blocked-uri"],
        directive: report["effective-directive"] ?? report["violated-directive"],
        source: report["source-file"],
        sample: report["script-sample"],
      },
    ]);
  }
  if (!Array.isArray(body)) return [];
  const reports = body.flatMap((entry) => {
    const parsed = reportingApiReport.safeParse(entry);
    return parsed.success ? [parsed.data.body] : [];
  });
  return worthLogging(
    reports.map((report) => ({
      document: report.documentURL,
      blocked: report.blockedURL,
      directive: report.effectiveDirective,
      source: report.sourceFile,
      sample: report.sample,
    })),
  ).slice(0, MAX_VIOLATIONS_PER_BODY);
}
