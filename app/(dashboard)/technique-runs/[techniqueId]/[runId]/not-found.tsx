import { RunNotFound } from "@/components/runs/run-not-found";

export default function TechniqueRunNotFound() {
  return <RunNotFound historyHref="/technique-runs" historyName="technique-run history" />;
}
