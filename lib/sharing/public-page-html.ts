import { createHash } from "node:crypto";
import { formatAbsoluteTime } from "@/lib/format";
import type { PublicCollection } from "@/lib/sharing/public-collection";
import type { PublicRun } from "@/lib/sharing/public-run";

/**
 * The public page as one plain HTML document: no script, no session, nothing from the
 * dashboard's bundle. It is written here rather than as a React page so that its status
 * (404 and 410 for dead links, 429, 503) and its headers are exactly what the handler
 * says: Next's pages can answer 404 but not 410. Every value put into it is escaped.
 */

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#f6f6f4;line-height:1.5}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}h1{font-size:1.5rem;margin:0 0 .75rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem;margin:0 0 1rem}dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
ul{list-style:none;margin:0;padding:0;display:grid;gap:1rem}li{background:#fff;border-radius:.5rem;padding:.75rem;box-shadow:0 1px 2px rgba(0,0,0,.08);min-width:0}
img,video{display:block;max-width:100%;height:auto;border-radius:.25rem}audio{width:100%}
pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font:inherit}blockquote{margin:0;padding:.5rem .75rem;background:#fff;border-left:3px solid #888;overflow-wrap:anywhere;white-space:pre-wrap}
a{color:#0b57d0}footer{margin-top:2rem;color:#555;font-size:.875rem}`;

/** The only style the page's Content-Security-Policy allows, by its hash. */
export const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE, "utf8").digest("base64")}'`;

export const PUBLIC_PAGE_POLICY = `default-src 'none'; img-src 'self'; media-src 'self'; style-src ${STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

function documentOf(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export const DEAD_LINK_MESSAGE = "This link is no longer available";

export function deadLinkHtml(): string {
  return documentOf(DEAD_LINK_MESSAGE, `<h1>${DEAD_LINK_MESSAGE}</h1><p>It may have expired or been withdrawn by the person who shared it. Ask them for a new one.</p>`);
}

export function tooManyRequestsHtml(waitSeconds: number): string {
  return documentOf("Too many requests", `<h1>Too many requests</h1><p>This address has opened shared links too often in the last minute. Try again in ${waitSeconds} seconds.</p>`);
}

export function unavailableHtml(): string {
  return documentOf("Not available right now", `<h1>This page cannot be shown right now</h1><p>Try again in a few minutes.</p>`);
}

/** A shared collection's media name their run (`?run=`): the handler checks it is one of the collection's. */
function mediaSrc(token: string, outputId: string, runId?: string): string {
  const path = `/s/${encodeURIComponent(token)}/media/${encodeURIComponent(outputId)}`;
  return runId ? `${path}?run=${encodeURIComponent(runId)}` : path;
}

function outputHtml(token: string, output: PublicRun["outputs"][number], index: number, runId?: string): string {
  const src = mediaSrc(token, output.output_id, runId);
  const label = `Output ${index + 1}`;
  switch (output.type) {
    case "imageUrl":
      return `<img src="${escapeHtml(src)}" alt="${label}, an image" loading="lazy">`;
    case "videoUrl":
      return `<video controls preload="metadata" src="${escapeHtml(src)}" aria-label="${label}, a video"></video>`;
    case "audioUrl":
      return `<audio controls preload="metadata" src="${escapeHtml(src)}" aria-label="${label}, audio"></audio>`;
    case "documentUrl":
      return `<a href="${escapeHtml(src)}">Open ${label.toLowerCase()}, a document</a>`;
    case "text":
      return `<pre aria-label="${label}, text">${escapeHtml(output.text ?? "")}</pre>`;
  }
}

function factsHtml(run: PublicRun): string {
  return [
    ["Type", run.type],
    ["Model", run.modelName],
    ["Date", formatAbsoluteTime(run.createdAt)],
  ]
    .map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value!)}</dd>`)
    .join("");
}

function outputsHtml(token: string, run: PublicRun, runId?: string): string {
  if (run.status === "failed") return "<p>This run produced no output.</p>";
  if (run.status !== "completed") return "<p>This run is still being made. Reload the page in a moment.</p>";
  if (run.outputs.length === 0) return "<p>This run has no outputs.</p>";
  return `<ul>${run.outputs.map((output, index) => `<li>${outputHtml(token, output, index, runId)}</li>`).join("")}</ul>`;
}

const promptHtml = (run: PublicRun, heading: "h2" | "h3") => (run.prompt ? `<${heading}>Prompt</${heading}><blockquote>${escapeHtml(run.prompt)}</blockquote>` : "");

export function publicRunHtml(token: string, run: PublicRun): string {
  return documentOf(
    "A shared run",
    `<h1>A shared run</h1><dl>${factsHtml(run)}</dl>${promptHtml(run, "h2")}<h2>Outputs</h2>${outputsHtml(token, run)}<footer>Shared from Atelier with a link that expires.</footer>`,
  );
}

export function publicCollectionHtml(token: string, collection: PublicCollection): string {
  const runs = collection.runs
    .map(
      ({ runId, run }, index) =>
        `<section aria-labelledby="run-${index + 1}"><h2 id="run-${index + 1}">${index + 1}. ${escapeHtml(run.modelName)}</h2><dl>${factsHtml(run)}</dl>${promptHtml(run, "h3")}${outputsHtml(token, run, runId)}</section>`,
    )
    .join("");
  const empty = collection.runs.length === 0 ? "<p>This collection has no runs to show.</p>" : "";
  const more = collection.more > 0 ? `<p>And ${collection.more} more run${collection.more === 1 ? "" : "s"}, not shown here.</p>` : "";
  return documentOf(
    `${collection.name}: a shared collection`,
    `<h1>${escapeHtml(collection.name)}</h1><p>A collection of ${collection.runs.length + collection.more} run${collection.runs.length + collection.more === 1 ? "" : "s"}.</p>${runs}${empty}${more}<footer>Shared from Atelier with a link that expires.</footer>`,
  );
}
