import { readFileSync } from "node:fs";
import { Parser, Store } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { exampleCounty, generateModel } from "./src/index.js";
import { toCpsvAp } from "./src/formats/cpsv-ap/to-cpsv-ap.js";
const shapes = new Store(new Parser().parse(readFileSync("/work/shared/data/cpsv-ap/cpsv-ap-SHACL.ttl", "utf8")));
async function check(label: string, ttl: string) {
  const data = new Store(new Parser().parse(ttl));
  const t = performance.now();
  const v = new SHACLValidator(shapes as any);
  const report = await v.validate(data as any);
  const counts = new Map<string, number>();
  for (const r of report.results) { const k = `${r.sourceShape?.value?.split("#")[1]} ${r.path?.value} ${r.message?.[0]?.value ?? ""}`; counts.set(k, (counts.get(k) ?? 0) + 1); }
  console.log(label, "conforms", report.conforms, report.results.length, Math.round(performance.now() - t), "ms", data.size, "triples");
  for (const [k, n] of counts) console.log("  ", n, k);
}
await check("official", readFileSync("/work/shared/data/cpsv-ap/example-rdf_public_service.ttl", "utf8"));
await check("county", await toCpsvAp(exampleCounty, { format: "turtle" }));
await check("gen county", await toCpsvAp(generateModel({ size: "county", seed: 2 }).model, { format: "turtle" }));
