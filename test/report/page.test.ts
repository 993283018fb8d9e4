import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { exampleCounty, findDuplication, GovGraphError, parseModel } from "../../src/index.js";
import { renderReport, REPORT_DEFAULTS } from "../../src/report/index.js";
import { embeddedData } from "./embedded.js";

const html = renderReport(exampleCounty);
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
const inline = (tag: "script" | "style") => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1]!);

describe("renderReport: one self-contained page", () => {
  it("loads nothing from outside: no link, no src, no href but the page's own anchors", () => {
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "").replace(/<style>[\s\S]*?<\/style>/g, "");
    expect(markup).not.toMatch(/<link\b|<img\b|<iframe\b|\ssrc=/i);
    expect([...markup.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]).every((href) => href!.startsWith("#"))).toBe(true);
    expect(inline("style").join("")).not.toMatch(/@import|url\((?!["']?data:)/);
  });

  it("allows only its own script and stylesheet, by hash, and no request of any kind", () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const scripts = inline("script");
    expect(scripts).toHaveLength(1);
    expect(policy).toBe(`default-src 'none'; script-src '${sha256(scripts[0]!)}'; style-src '${sha256(inline("style")[0]!)}'; img-src data: blob:; base-uri 'none'; form-action 'none'`);
  });

  it("has every section, each with its explanation and a place for its charts and tables", () => {
    const sections = [...html.matchAll(/<section id="([a-z]+)"[^>]*><h2[^>]*>([^<]+)<\/h2><div class="explain"><p>/g)].map((m) => m[1]);
    expect(sections).toEqual(["scorecard", "duplication", "coverage", "journeys", "staffing", "openness"]);
    for (const id of sections) expect(html).toContain(`<div data-mount="${id}"></div>`);
  });

  it("escapes the model's text in the markup and in the embedded data", () => {
    const name = `</script><script>alert(1)</script> & "quotes"`;
    const page = renderReport({ ...exampleCounty, meta: { name } });
    expect(page).toContain("<h1>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;</h1>");
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(embeddedData(page).title).toBe(name);
  });

  it("names a bad option, a bad model and reports from another model", () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof GovGraphError ? [e.code, e.message] : e;
      }
      return "no error";
    };
    expect(error(() => renderReport(exampleCounty, {}, { colour: "red" } as never))).toEqual([
      "invalid_input",
      `renderReport: unknown option "colour". Options: ${Object.keys(REPORT_DEFAULTS).join(", ")}. Fix the options and try again.`,
    ]);
    expect(error(() => renderReport(exampleCounty, {}, { layoutIterations: -1 }))).toEqual(["invalid_input", "renderReport: option layoutIterations must be an integer in [0, 100000], got -1. Fix the options and try again."]);
    expect(error(() => renderReport({ schemaVersion: 2 } as never))).toEqual([
      "invalid_model",
      'renderReport: the model has 1 error (all listed in issues), the first at /schemaVersion: "schemaVersion" must be 1, not 2. This version of govgraph reads schemaVersion 1. Fix the issues listed in error.issues.',
    ]);
    const other = parseModel({ schemaVersion: 1, regions: [{ id: "x", name: "X" }], departments: [{ id: "a", name: "A", regionId: "x" }, { id: "b", name: "B", regionId: "x" }], functions: [{ id: "f", name: "F" }], assignments: [{ departmentId: "a", functionId: "f" }, { departmentId: "b", functionId: "f" }] });
    expect(error(() => renderReport(exampleCounty, { duplication: findDuplication(other) }))).toEqual([
      "invalid_input",
      'renderReport: a report names "f", which is not in the model. Pass reports computed from this model, or none.',
    ]);
  });
});
