import { REPORT_HASHES, REPORT_SCRIPT, REPORT_STYLE } from "../../generated/report-client.js";
import type { ReportData } from "./data/types.js";
import { SECTIONS } from "./sections.js";

/** Text safe inside HTML elements and attribute values. @internal */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a `<script>` element: `<` never appears as such, so nothing can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * The page's content security policy: its own script and stylesheet (by hash) and pictures it draws itself; no
 * request of any kind (no connect, font, frame or remote image).
 */
const POLICY = `default-src 'none'; script-src '${REPORT_HASHES.script}'; style-src '${REPORT_HASHES.style}'; img-src data: blob:; base-uri 'none'; form-action 'none'`;

/** The whole report page: sections with their explanations, the data, the script and the stylesheet, inlined. @internal */
export function reportPage(data: ReportData): string {
  const sections = SECTIONS.filter((s) => s.id !== "compare" || data.compare !== null);
  const counts = data.counts.map((c) => `${c.count.toLocaleString("en-US")} ${c.name.replace(/[A-Z]/g, (x) => ` ${x.toLowerCase()}`)}`).join(" · ");
  const parts = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="generator" content="govgraph">',
    `<title>${escapeHtml(data.title)}: govgraph report</title>`,
    `<style>${REPORT_STYLE}</style>`,
    "</head>",
    "<body>",
    '<a class="skip" href="#main">Skip to the report</a>',
    "<header>",
    `<h1>${escapeHtml(data.title)}</h1>`,
    data.subtitle ? `<p class="subtitle">${escapeHtml(data.subtitle)}</p>` : "",
    `<p class="counts">${escapeHtml(counts)}</p>`,
    '<nav aria-label="Sections"><ul>',
    ...sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`),
    "</ul></nav>",
    "</header>",
    '<main id="main" tabindex="-1">',
    '<noscript><p class="error">This report draws its charts, graph and tables with JavaScript, which is turned off: turn it on to see them.</p></noscript>',
    ...sections.map(
      (s) =>
        `<section id="${s.id}" aria-labelledby="${s.id}-title"><h2 id="${s.id}-title">${escapeHtml(s.title)}</h2>` +
        `<div class="explain">${s.explain.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}</div><div data-mount="${s.id}"></div></section>`,
    ),
    "</main>",
    "<footer><p>Written by govgraph. One self-contained file: it makes no network request and works offline.</p></footer>",
    `<script type="application/json" id="govgraph-data">${scriptJson(data)}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    "</body>",
    "</html>",
  ];
  return parts.filter((p) => p !== "").join("\n") + "\n";
}
