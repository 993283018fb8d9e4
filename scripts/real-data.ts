/**
 * `npx tsx scripts/real-data.ts [data-dir]`: maps the US Federal Program Inventory and Canada's GC Service
 * Inventory onto models and prints, as Markdown, what findDuplication finds in them (the tables of
 * docs/real-data.md). `data-dir` defaults to ../shared/data.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildScorecard, findDuplication, fromFederalProgramInventory, fromGcServiceInventory, type DuplicationSummary, type Model } from "../src/index.js";
import { scorecardMarkdown } from "./scorecard-markdown.js";

const dir = process.argv[2] ?? join(import.meta.dirname, "..", "..", "shared", "data");
const money = (x: number) => `$${(x / 1e9).toFixed(2)} bn`;
const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`)].join("\n");
/** The summary's counts and shares, in one line. */
const summaryLine = (s: DuplicationSummary) =>
  JSON.stringify({ ...s, duplicatedShare: Number(s.duplicatedShare.value?.toFixed(6)), fragmentedShare: Number(s.fragmentedShare.value?.toFixed(6)) });
const counts = (m: Model) => `${m.departments.length} departments, ${m.functions.length} functions, ${m.services.length} services, ${m.segments.length} segments`;

// United States: sub-agencies as departments for the counts; agencies as departments for the "how many agencies" view.
const usText = readFileSync(join(dir, "us-fpi", "programs.csv"), "utf8");
const us = fromFederalProgramInventory(usText, { strict: false });
const usAgencies = fromFederalProgramInventory(usText, { strict: false, departments: "agency" });
console.log(`## US Federal Program Inventory\n\nMapped: ${counts(us.model)}; ${us.issues.length} rows reported (${us.issues.filter((i) => i.severity === "error").length} errors).\n`);
const byAgency = findDuplication(usAgencies.model, { include: ["fragmentation"] });
const bySub = new Map(findDuplication(us.model, { include: ["fragmentation"] }).fragmentation.map((f) => [f.id, f]));
const programs = new Map<string, { count: number; obligations: number }>();
for (const s of us.model.services) {
  for (const f of s.functionIds) {
    const p = programs.get(f) ?? { count: 0, obligations: 0 };
    p.count++;
    p.obligations += s.annualVolume ?? 0;
    programs.set(f, p);
  }
}
const names = new Map(us.model.functions.map((f) => [f.id as string, f.name]));
const top = byAgency.fragmentation
  .filter((f) => f.kind === "function")
  .sort((a, b) => b.departmentIds.length - a.departmentIds.length || b.effectiveNumber - a.effectiveNumber || (a.id < b.id ? -1 : 1))
  .slice(0, 10);
console.log(
  table(
    ["#", "area (category - sub-category)", "agencies", "effective agencies (1/HHI)", "sub-agencies", "programs", "obligations FY2024"],
    top.map((f, i) => [
      i + 1,
      names.get(f.id)!,
      f.departmentIds.length,
      f.effectiveNumber.toFixed(2),
      bySub.get(f.id)?.departmentIds.length ?? 1,
      programs.get(f.id)!.count,
      money(programs.get(f.id)!.obligations),
    ]),
  ),
);
const usReport = findDuplication(us.model, { include: ["duplication"] });
const usProgram = new Map(us.model.services.map((s) => [s.id as string, s]));
const usDept = new Map(us.model.departments.map((d) => [d.id as string, d.name]));
const usSegment = new Map(us.model.segments.map((g) => [g.id as string, g.name]));
const usServices = usReport.duplication.filter((d) => d.kind === "service").sort((a, b) => b.departmentIds.length - a.departmentIds.length || b.ids.length - a.ids.length);
console.log(`\nPrograms of different sub-agencies with the same categories and the same beneficiary types (service duplication, ${usServices.length} findings):\n`);
console.log(
  table(
    ["#", "categories", "beneficiaries", "sub-agencies", "programs"],
    usServices.slice(0, 10).map((d, i) =>
      d.kind !== "service"
        ? []
        : [
            i + 1,
            d.shared.functionIds.length <= 3
              ? d.shared.functionIds.map((f) => names.get(f)).join("; ")
              : `${d.shared.functionIds.slice(0, 2).map((f) => names.get(f)).join("; ")} and ${d.shared.functionIds.length - 2} more`,
            d.shared.segmentIds.map((g) => usSegment.get(g)).join(", ") || "everyone (none listed)",
            d.departmentIds.map((x) => usDept.get(x)).join("; "),
            d.ids.map((x) => usProgram.get(x)!.attributes!.assistanceListing).join(", "),
          ],
    ),
  ),
);
console.log(`\nSummary (sub-agencies as departments): ${summaryLine(findDuplication(us.model).summary)}\n`);
console.log(`Scorecard (\`buildScorecard\`, sub-agencies as departments):\n\n${scorecardMarkdown(buildScorecard(us.model))}\n`);

// Canada.
const ca = fromGcServiceInventory(readFileSync(join(dir, "canada-gc-si", "si_2024.csv"), "utf8"), { strict: false });
console.log(`## GC Service Inventory 2023-24\n\nMapped: ${counts(ca.model)}; ${ca.issues.length} rows reported:\n`);
for (const i of ca.issues) console.log(`- ${i.severity} (${i.code}): ${i.message}`);
const report = findDuplication(ca.model);
const programName = new Map(ca.model.functions.map((f) => [f.id as string, f.name]));
const serviceName = new Map(ca.model.services.map((s) => [s.id as string, s.name]));
const segmentName = new Map(ca.model.segments.map((s) => [s.id as string, s.name]));
const services = report.duplication.filter((d) => d.kind === "service").sort((a, b) => b.departmentIds.length - a.departmentIds.length || b.ids.length - a.ids.length);
console.log("\nServices that departments each run separately (same programs, same client groups):\n");
console.log(
  table(
    ["#", "program(s)", "client groups", "departments", "services", "examples"],
    services.slice(0, 10).map((d, i) => {
      if (d.kind !== "service") return [];
      return [
        i + 1,
        d.shared.functionIds.map((f) => `${programName.get(f)} (${f.replace("program:", "")})`).join("; "),
        d.shared.segmentIds.map((g) => segmentName.get(g)).join(", ") || "everyone",
        d.departmentIds.length,
        d.ids.length,
        [...new Set(d.ids.map((s) => serviceName.get(s)))].slice(0, 3).join("; "),
      ];
    }),
  ),
);
const functions = report.duplication.filter((d) => d.kind === "function").sort((a, b) => b.departmentIds.length - a.departmentIds.length);
console.log("\nPrograms whose services several departments lead (function duplication):\n");
console.log(
  table(
    ["#", "program", "departments"],
    functions.slice(0, 10).map((d, i) => [i + 1, `${programName.get(d.kind === "function" ? d.id : "")} (${d.kind === "function" ? d.id.replace("program:", "") : ""})`, d.departmentIds.length]),
  ),
);
console.log(`\nSummary: ${summaryLine(report.summary)}\n`);
console.log(`Scorecard (\`buildScorecard\`):\n\n${scorecardMarkdown(buildScorecard(ca.model, { reports: { duplication: report } }))}`);
