"use client";

import { useEffect, useRef } from "react";

interface UsageChartProps {
  /** The chart's accessible name; its figures are in the table beside it. */
  label: string;
  labels: string[];
  values: number[];
}

/** An indigo that reads on both the light and the dark canvas. */
const BAR_COLOUR = "#6366f1";

const prefersReducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * A bar chart of spend in USD. chart.js is loaded with import() on first render, so it is
 * fetched only by the page that draws a chart. The canvas is an image with a name; the
 * table next to it holds the same figures for screen readers and keyboard users.
 */
export function UsageChart({ label, labels, values }: UsageChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    void import("@/components/usage/chart-setup").then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      // The page's text colour (resolved for the light or dark theme) for the axes' labels.
      const text = getComputedStyle(canvas.current).color;
      chart = new Chart(canvas.current, {
        type: "bar",
        data: { labels, datasets: [{ label: "Spend (USD)", data: values, backgroundColor: BAR_COLOUR }] },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: prefersReducedMotion() ? false : undefined,
          color: text,
          scales: {
            x: { ticks: { color: text } },
            y: { beginAtZero: true, ticks: { color: text, callback: (value) => `$${value}` } },
          },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [labels, values]);

  return (
    <div className="relative h-56 w-full max-w-full">
      <canvas ref={canvas} role="img" aria-label={`${label}. The same figures are in the table below.`} data-testid="usage-chart" />
    </div>
  );
}
