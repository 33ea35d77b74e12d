import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { clientAddress } from "@/lib/auth/client-address";
import { ApiError } from "@/lib/errors/api-error";
import { errorResponse } from "@/lib/http/envelope";
import { CSP_REPORT_TYPES, cspViolations, type CspViolation } from "@/lib/http/csp-report";
import { readLimitedText } from "@/lib/http/read-limited-body";
import { describeError, log } from "@/lib/log";

/** Reports are small: a browser's is one to two kilobytes. */
export const MAX_REPORT_BYTES = 16 * 1024;

export interface CspReportLimits {
  perAddress: RateLimiterMemory;
  overall: RateLimiterMemory;
}

/**
 * Violations logged per client address, and by everyone together, in a minute: enough to
 * see a broken page, too few for anyone to flood the log. In memory, per process: these
 * only bound this process's log, so there is nothing to share between instances.
 */
export function cspReportLimits(perAddressPerMinute = 60, overallPerMinute = 600): CspReportLimits {
  return {
    perAddress: new RateLimiterMemory({ points: perAddressPerMinute, duration: 60, keyPrefix: "csp-report-address" }),
    overall: new RateLimiterMemory({ points: overallPerMinute, duration: 60, keyPrefix: "csp-report-all" }),
  };
}

async function withinLimits(limits: CspReportLimits, address: string, points: number): Promise<boolean> {
  try {
    await limits.perAddress.consume(address, points);
    await limits.overall.consume("all", points);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

function reportType(contentType: string | null): (typeof CSP_REPORT_TYPES)[number] | undefined {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return CSP_REPORT_TYPES.find((type) => type === mediaType);
}

interface HandlerOptions {
  limits?: CspReportLimits;
  warn?: (message: string, details: CspViolation) => void;
  addressOf?: (request: Request) => string;
}

const requestAddress = (request: Request) => clientAddress(Object.fromEntries(request.headers));

/** POST handler: logs the violations in a report and answers 204, or refuses the body. */
export function cspReportHandler({ limits = cspReportLimits(), warn = log.warn, addressOf = requestAddress }: HandlerOptions = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      const type = reportType(request.headers.get("content-type"));
      if (!type) throw new ApiError("unsupported_media_type", `Send a report as ${CSP_REPORT_TYPES.join(" or ")}.`);
      const text = await readLimitedText(request, MAX_REPORT_BYTES);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError("invalid_json", "The report is not valid JSON.");
      }
      const violations = cspViolations(type, body);
      // Over the limit the browser is told nothing different: it would only retry.
      if (violations.length > 0 && (await withinLimits(limits, addressOf(request), violations.length))) {
        for (const violation of violations) warn("csp violation", violation);
      }
      return new Response(null, { status: 204 });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      log.error("POST /api/csp-report failed", describeError(error));
      return errorResponse(new ApiError("internal_error", "Something went wrong on the dashboard's side."));
    }
  };
}
