import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css; the design tokens live here
// so the top-level config the design card asks for stays the one source of them.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        canvas: "#f7f7f8",
        ink: "#17171c",
        muted: "#5b5b66",
        accent: { DEFAULT: "#4338ca", soft: "#e0e7ff" },
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
      },
    },
  },
};

export default config;
