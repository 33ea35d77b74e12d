import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only lib/env.ts reads the environment (house style 5); programs outside the app
      // (simulator, scripts, tests, benchmarks) have their own small parsers.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
      // Both cost every page that uses them first-load JavaScript (bench/README.md).
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next/link", message: "Use AppLink from components/ui/app-link.tsx: next/link adds 3 kB to the page's first load." },
            { name: "next/dynamic", message: "Use React.lazy with Suspense: next/dynamic's loader adds 2 kB to the page's first load." },
          ],
        },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "instrumentation-node.ts",
      "simulator/**",
      "scripts/**",
      "e2e/**",
      "bench/**",
      "*.config.*",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
