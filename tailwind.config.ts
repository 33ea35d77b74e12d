import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css. The design tokens are named
// here, the one list of them the design card asks for; their values, one for the light and
// one for the dark theme, are CSS variables set in app/globals.css.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        canvas: "var(--color-canvas)",
        ink: "var(--color-ink)",
        muted: "var(--color-muted)",
        accent: { DEFAULT: "var(--color-accent)", soft: "var(--color-accent-soft)" },
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
      },
    },
  },
};

export default config;
