import { readFileSync } from "node:fs";
import { fromCpsvAp } from "./src/formats/cpsv-ap/from-cpsv-ap.js";
const dir = "/work/shared/data/cpsv-ap/";
for (const f of ["example-rdf_public_service.ttl", "example-rdf_public_service.jsonld", "trento.jsonld", "norway-harvest_response_0.ttl", "exAlleKlasser2.ttl", "exOffentligTjeneste.ttl"]) {
  const text = readFileSync(dir + f, "utf8");
  try {
    await fromCpsvAp(text);
    console.log(f, "strict ok");
  } catch (e) { console.log(f, "STRICT:", (e as Error).message); }
  try {
    const { model, issues } = await fromCpsvAp(text, { strict: false });
    const c = Object.fromEntries(Object.entries(model).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
    console.log(f, JSON.stringify(c));
    for (const i of issues) console.log("   ", i.code, i.severity, i.message.slice(0, 220));
    if (f.startsWith("trento") || f.startsWith("example-rdf_public_service.ttl") || f.startsWith("norway")) console.log(JSON.stringify(model, null, 1).slice(0, 5000));
  } catch (e) { console.log(f, "LAX:", e); }
}
