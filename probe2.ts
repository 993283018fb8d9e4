import { readFileSync, readdirSync } from "node:fs";
import { fromHsds } from "./src/formats/hsds/from-hsds.js";
import { toHsds } from "./src/formats/hsds/to-hsds.js";
import { exampleCounty, generateModel, validateModel } from "./src/index.js";
const counts = (m: any) => Object.fromEntries(Object.entries(m).filter(([k,v]) => Array.isArray(v)).map(([k,v]) => [k, (v as unknown[]).length]));
for (const [name, m] of [["county", exampleCounty], ["gen", generateModel({size: "county", seed: 3}).model]] as const) {
  for (const format of ["json", "csv"] as const) {
    let t = Date.now();
    const out = toHsds(m, { format } as any);
    const size = JSON.stringify(out).length;
    const back = fromHsds(out as any);
    console.log(name, format, "ms", Date.now() - t, "bytes", size, counts(back.model), back.issues.length, back.issues.slice(0,3).map(i => i.message));
  }
  console.log("orig", counts(m));
}
const csv = toHsds(exampleCounty, { format: "csv" });
console.log(Object.keys(csv));
console.log(csv["services.csv"].split("\r\n").slice(0,3).join("\n"));
console.log(csv["attributes.csv"].split("\r\n").slice(0,3).join("\n"));
console.log(JSON.stringify(toHsds(exampleCounty)[0], null, 1).slice(0, 3000));
