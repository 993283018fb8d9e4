import { readFileSync, readdirSync } from "node:fs";
import { fromHsds } from "./src/formats/hsds/from-hsds.js";
const d = "/work/shared/data/hsds/";
for (const f of ["service_full.json", "organization_full.json"]) {
  const r = fromHsds(readFileSync(d + f, "utf8"));
  console.log(f, Object.fromEntries(Object.entries(r.model).filter(([k,v]) => Array.isArray(v)).map(([k,v]) => [k, (v as unknown[]).length])));
  for (const i of r.issues) console.log("  ", i.severity, i.code, i.message.slice(0, 200));
}
const files: Record<string,string> = { "datapackage.json": readFileSync(d + "datapackage.json", "utf8") };
for (const f of readdirSync(d + "csv")) files[f] = readFileSync(d + "csv/" + f, "utf8");
const r = fromHsds(files, { strict: false });
console.log("csv", Object.fromEntries(Object.entries(r.model).filter(([k,v]) => Array.isArray(v)).map(([k,v]) => [k, (v as unknown[]).length])));
for (const i of r.issues) console.log("  ", i.severity, i.code, JSON.stringify(i.path), i.message.slice(0, 200));
console.log(JSON.stringify(r.model, null, 1).slice(0, 6000));
