import type { Reply } from "../http/reply";
import type { SimState } from "../state/sim-state";

export interface ApiRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The caller's (already verified) API key. */
  apiKey: string;
  header(name: string): string | undefined;
  json(): Promise<unknown>;
}

export type Handler = (request: ApiRequest, sim: SimState) => Reply | Promise<Reply>;
