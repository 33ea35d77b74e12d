import { expect, type APIResponse } from "@playwright/test";

/** Asserts FLORA's error envelope with the given status and code; returns the body. */
export async function expectErrorEnvelope(response: APIResponse, status: number, code: string) {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; fields?: unknown[] } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  return body;
}
