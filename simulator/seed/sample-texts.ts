import { hash32 } from "./prng";

/**
 * Text outputs of the seeded history. Some carry markup on purpose: a client that
 * renders them as HTML instead of text shows bold words or runs the handler.
 */
const SAMPLE_TEXTS: readonly string[] = [
  "Morning light spills across the ceramic mug; steam curls toward the window.",
  "Tagline options:\n1. Made to be used.\n2. Quiet tools for loud ideas.\n3. Built for the long haul.",
  "Scene 1 — wide shot of the city at dusk. Scene 2 — close-up on the courier's hands.",
  "This copy uses <b>bold</b> markup and an <i>italic</i> aside that must appear as literal text.",
  "Product description: a lightweight shell with taped seams, two pockets, and a packable hood.",
  "Caption: <img src=x onerror=\"alert('xss')\"> should never execute in a dashboard.",
  "Voiceover script: Every great campaign starts with a single frame. Let's make yours.",
  "Alt text: a red bicycle leaning against a blue door, late afternoon shadows.",
  "Three hooks for the teaser: the reveal, the countdown, the behind-the-scenes.",
  "Tone notes: warm, direct, a little playful; avoid jargon & exclamation marks.",
];

export function seededText(runId: string): string {
  return SAMPLE_TEXTS[hash32(runId) % SAMPLE_TEXTS.length] ?? "";
}

export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  provider_error: "The provider failed to complete the generation.",
  model_timeout: "The model did not finish within its time limit.",
  safety_blocked: "The prompt or output was blocked by the safety filter.",
  input_unreachable: "An input URL could not be downloaded.",
  internal_error: "An internal error occurred while running the generation.",
};

export function errorMessageFor(code: string): string {
  return ERROR_MESSAGES[code] ?? `The run failed (${code}).`;
}
