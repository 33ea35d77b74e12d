import type { OutputType } from "./run-record";

/** Test hooks a prompt (or a technique's text input) can carry; see README. */
export interface Directives {
  /** `[fail]` → provider_error, `[fail:<code>]` → that code. */
  failCode?: string;
  /** `[outputs:all]`: one output of each of the five types. */
  allOutputs: boolean;
  /** `[document]`: add a documentUrl output. */
  document: boolean;
  /** `[unsafe-urls]`: media outputs carry URLs a client must refuse (see outputs.ts). */
  unsafeUrls: boolean;
  /** `[run-seconds:N]`: this run lasts N seconds (1 to 600) instead of the simulator's default. */
  runSeconds?: number;
}

const ALL_OUTPUTS: readonly OutputType[] = ["imageUrl", "videoUrl", "audioUrl", "text", "documentUrl"];

export function readDirectives(text: string): Directives {
  const fail = /\[fail(?::([a-z0-9_]{1,64}))?\]/i.exec(text);
  return {
    ...(fail ? { failCode: (fail[1] ?? "provider_error").toLowerCase() } : {}),
    allOutputs: /\[outputs:all\]/i.test(text),
    document: /\[document\]/i.test(text),
    unsafeUrls: /\[unsafe-urls\]/i.test(text),
    ...runSecondsOf(text),
  };
}

function runSecondsOf(text: string): { runSeconds?: number } {
  const match = /\[run-seconds:(\d{1,3})\]/i.exec(text);
  const seconds = match ? Number(match[1]) : Number.NaN;
  return seconds >= 1 && seconds <= 600 ? { runSeconds: seconds } : {};
}

export function applyOutputDirectives(base: readonly OutputType[], directives: Directives): OutputType[] {
  if (directives.allOutputs) return [...ALL_OUTPUTS];
  const outputs = [...base];
  if (directives.document && !outputs.includes("documentUrl")) outputs.push("documentUrl");
  return outputs;
}
