import type { Metadata } from "next";
import { connection } from "next/server";
import { ThemeScript } from "@/components/layout/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Atelier", template: "%s · Atelier" },
  description: "The team's dashboard for FLORA generations and technique runs.",
  // The files are in public/ (drawn by scripts/make-icons.mjs); proxy.ts lets them through signed out.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "any" }, { url: "/icon-192.png", type: "image/png", sizes: "192x192" }],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put the request's CSP nonce (proxy.ts) on
  // its scripts; a page prerendered at build time (the 404) would carry none, and the
  // browser would refuse to run its scripts.
  await connection();
  // The theme script may set data-theme on <html> before React hydrates it.
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>{children}</body>
    </html>
  );
}
