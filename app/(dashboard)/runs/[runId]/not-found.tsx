import { RunNotFound } from "@/components/runs/run-not-found";

export default function GenerationRunNotFound() {
  return <RunNotFound historyHref="/generations" historyName="generation history" />;
}
