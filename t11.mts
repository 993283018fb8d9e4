import { readFileSync } from "node:fs";
import { fromCpsvAp } from "./src/index.js";
const ttl = readFileSync("/tmp/cpsv/province.ttl", "utf8");
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c = cpu(); const t = performance.now(); await fromCpsvAp(ttl); console.log("read wall", performance.now() - t, "cpu", cpu() - c);
