import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { count, percent } from "../../../src/cli/render/numbers.js";
import { tableLines } from "../../../src/cli/render/table-text.js";
import { moreRows, rowsOf, tableMarkdown, writeTableCsv, type Table } from "../../../src/cli/render/table.js";
import { displayWidth } from "../../../src/cli/render/text.js";

const csv = (t: Table) => {
  let out = "";
  writeTableCsv(t, (chunk) => void (out += chunk));
  return out;
};

const regions: Table = {
  id: "regions",
  columns: [{ label: "region", csv: "regionName" }, { label: "id", csv: "regionId", id: true }, { label: "reached (% of demand)", csv: "reach" }, "demand"],
  rows: [
    ["Gaoling Township", "gaoling", percent(0.497), count(1261)],
    ["Chengguan Town", "chengguan", percent(1), count(10555)],
    ["Yunwu Township", "yunwu", percent(0.509), count(879)],
  ],
};

describe("tables", () => {
  it("align text left and numbers right, with thousands separators", () => {
    expect(tableLines(regions, 100, 20).join("\n")).toMatchInlineSnapshot(`
      "region            id         reached (% of demand)  demand
      Gaoling Township  gaoling                    49.7%   1,261
      Chengguan Town    chengguan                 100.0%  10,555
      Yunwu Township    yunwu                      50.9%     879"
    `);
  });

  it("wrap headings and long cells to fit a narrow terminal, and say how many rows are left", () => {
    expect(tableLines(regions, 40, 2).join("\n")).toMatchInlineSnapshot(`
      "region        id         reached  demand
                               (% of
                               demand)
      Gaoling       gaoling      49.7%   1,261
      Township
      Chengguan     chengguan   100.0%  10,555
      Town

      … and 1 more (--top 3 shows them all;
      --format csv or json lists every row)"
    `);
  });

  it("write every row to CSV with raw values, and draw Markdown pipe tables", () => {
    expect(csv(regions)).toBe("regionName,regionId,reach,demand\nGaoling Township,gaoling,0.497,1261\nChengguan Town,chengguan,1,10555\nYunwu Township,yunwu,0.509,879\n");
    expect(tableMarkdown({ id: "x", columns: ["a|b", "n"], rows: [["x|y", 1]] }, 20)).toBe("| a\\|b | n |\n| --- | ---: |\n| x\\|y | 1 |\n");
    expect(csv({ id: "q", columns: ["text"], rows: [['say "hi", then\nleave']] })).toBe('text\n"say ""hi"", then\nleave"\n');
  });

  it("make lazy rows only when drawn: text and Markdown the first --top, CSV all, the same as an array's", () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ name: `Region ${i}`, id: `r${i}`, reach: i / 1000, demand: i * 7 }));
    const made: number[] = [];
    const lazy: Table = { ...regions, rows: rowsOf(items, (r, i) => (made.push(i), [r.name, r.id, percent(r.reach), count(r.demand)])) };
    const eager: Table = { ...regions, rows: items.map((r) => [r.name, r.id, percent(r.reach), count(r.demand)]) };
    expect(tableLines(lazy, 100, 5)).toEqual(tableLines(eager, 100, 5));
    expect(tableMarkdown(lazy, 3)).toBe(tableMarkdown(eager, 3));
    expect(made).toEqual([0, 1, 2, 3, 4, 0, 1, 2]);
    made.length = 0;
    expect(csv(lazy)).toBe(csv(eager));
    expect(made).toHaveLength(1000);
    expect(lazy.rows.at(1000)).toBeUndefined();
    expect(lazy.rows.at(-1)).toBeUndefined();
  });

  it("hint only at the options and formats the command accepts", () => {
    expect(moreRows(30, 20)).toBe("… and 10 more (--top 30 shows them all; --format csv or json lists every row)");
    expect(moreRows(30, 20, { options: ["list"], formats: ["json", "text"] })).toBe("… and 10 more (--format json lists every row)");
    expect(moreRows(30, 20, { options: [], formats: ["html"] })).toBe("… and 10 more");
    expect(moreRows(20, 20)).toBe("");
  });

  it("show only the columns meant for each format", () => {
    const t: Table = { id: "t", columns: ["name", { label: "id", csv: "id", only: "csv" }, { label: "note", only: "text" }], rows: [["Health", "health", "read me"]] };
    expect(tableLines(t, 80, 20)).toEqual(["name    note", "Health  read me"]);
    expect(csv(t)).toBe("name,id\nHealth,health\n");
  });

  it("never draw a line wider than the terminal, whatever the cells hold", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom("清水县人民政府办公室", "P01-C001-T07/gov", "\u001b[2J", "a".repeat(2000)),
      fc.integer().map((n) => count(n)),
      fc.double({ min: 0, max: 1, noNaN: true }).map(percent),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { maxLength: 8 }), fc.integer({ min: 40, max: 160 }), (n, rows, width) => {
        const t: Table = { id: "t", columns: Array.from({ length: n }, (_, i) => ({ label: `column ${i}`, id: i === 1 })), rows: rows.map((r) => r.slice(0, n)) };
        for (const line of tableLines(t, width, 5)) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });
});
