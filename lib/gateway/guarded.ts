import "server-only";
import { UpstreamCallError } from "@/lib/gateway/upstream-call";

/** Unwraps an upstream failure into the ApiError the route wrapper answers with. */
export async function upstream<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof UpstreamCallError) throw error.apiError;
    throw error;
  }
}
