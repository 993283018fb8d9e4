/**
 * A scorecard as a Markdown table: each pillar's score, its weighted indicators with their basis (what the share
 * counts, how many records carry the data, how many took a default) and "no data" where there is none; then the
 * composite with the pillars it left out. Used by scripts/real-data.ts for docs/real-data.md and docs/scorecard.md.
 */
import type { Measured, ScorecardReport } from "../src/index.js";

const REASONS: Record<string, string> = { no_data: "no data", no_demand: "no demand data", not_applicable: "not applicable", not_computed: "not computed" };
const COUNTS = new Set(["services", "items", "functions", "requests"]);
const WEIGHTED: Record<string, string> = { "weighted requests": "requests weighted by volume or demand" };
const int = (x: number) => Math.round(x).toLocaleString("en-US");

/** What a measure stands on, in words. */
export function basisText(m: Measured): string {
  const parts = [COUNTS.has(m.unit) ? `${int(m.numerator)} of ${int(m.denominator)} ${m.unit}` : (WEIGHTED[m.unit] ?? `weighted by ${m.unit}`)];
  parts.push(`data for ${int(m.known)} of ${int(m.total)} ${m.records}`);
  if (m.assumed) parts.push(`defaults for ${int(m.assumed)}`);
  return parts.join("; ");
}

/** The scorecard as a Markdown table (weighted indicators only; context indicators are in the JSON). */
export function scorecardMarkdown(card: ScorecardReport): string {
  const rows: string[][] = [];
  const score = (x: number | null, reason?: string) => (x === null ? REASONS[reason ?? "no_data"]! : x.toFixed(1));
  for (const p of card.pillars) {
    p.indicators
      .filter((i) => i.weight > 0)
      .forEach((i, k) => {
        const value = i.value === null ? REASONS[i.reason ?? "no_data"]! : `${(100 * i.value).toFixed(1)}%`;
        rows.push([k === 0 ? p.name : "", k === 0 ? score(p.score.value, p.score.reason) : "", i.label, String(i.weight), value, i.basis ? basisText(i.basis) : ""]);
      });
  }
  const c = card.composite;
  const names = new Map(card.pillars.map((p) => [p.id as string, p.name]));
  const covers = c.coverageOfWeights === null ? "" : ` (${(100 * c.coverageOfWeights).toFixed(0)}% of the weight)`;
  const left = c.leftOut.length === 0 ? "" : `; left out for lack of data: ${c.leftOut.map((id) => names.get(id)).join(", ")}`;
  rows.push(["**Composite**", `**${score(c.value, c.reason)}**`, `over ${c.known} of ${c.total} pillars${covers}${left}`, "", "", ""]);
  const header = ["pillar", "score", "indicator", "weight", "value", "basis"];
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}
