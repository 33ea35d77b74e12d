"use client";

import { QueryClientProvider } from "@tanstack/react-query";
// Before any form parses: zod's eval probe would break the page's CSP (see browser-zod).
import "@/components/ui/browser-zod";
import { getQueryClient } from "@/lib/queries/make-query-client";

export function QueryProvider({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
