import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server Component bundle; in Node tests the
      // guard has nothing to guard, so its empty twin stands in.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    environment: "node",
    testTimeout: 20_000,
    pool: "forks",
    maxWorkers: 2,
    // TEST_POSTGRES=1 (npm run test:unit:pg): the stores of the run live in a throwaway Postgres.
    globalSetup: ["lib/testing/postgres-global-setup.ts"],
  },
});
