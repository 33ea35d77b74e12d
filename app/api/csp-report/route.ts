import { cspReportHandler } from "@/lib/http/csp-report-handler";

// POST /api/csp-report: where browsers send Content-Security-Policy violations (the pages'
// `report-uri`). Unlike every other route but /api/health and next-auth's own, it checks
// no session, on purpose: the browser sends reports on its own, a session cookie or not,
// and a violation on /sign-in comes from someone signed out. So it trusts nothing it is
// sent: the media type is checked, the body is at most 16 KB, a few fields are kept and
// cut short, and a limit per client address and overall bounds what reaches the log
// (past it: 204, unlogged).
export const POST = cspReportHandler();
