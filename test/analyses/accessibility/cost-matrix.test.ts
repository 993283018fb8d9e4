import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCostMatrixReader, GovGraphError, parseCostMatrix, readCostMatrix, type CatchmentCostArrays } from "../../../src/index.js";

const demand = [{ id: "north" }, { id: "south" }, { id: "Ōsaka, east" }];
const supply = [{ id: "clinic" }, { id: "hospital" }];
const places = { demand, supply };
const rows = (c: CatchmentCostArrays) => Array.from(c.from, (i, k) => `${demand[i]!.id}>${supply[c.to[k]!]!.id}=${c.cost[k]}`);

describe("parseCostMatrix", () => {
  it("reads an origin,destination,cost table into columns of positions", () => {
    const csv = "origin,destination,cost\nnorth,clinic,12.5\nsouth,hospital,7\nnorth,hospital,30\n";
    expect(rows(parseCostMatrix(csv, places))).toEqual(["north>clinic=12.5", "south>hospital=7", "north>hospital=30"]);
  });

  it("reads files as routing engines and spreadsheets write them: no header, CRLF, a BOM, quotes, blank lines, bytes", () => {
    const csv = '\uFEFFnorth,clinic,1e1\r\n\r\n"Ōsaka, east","hospital",0.25\r\n south , clinic , 3 ';
    const expected = ["north>clinic=10", "Ōsaka, east>hospital=0.25", "south>clinic=3"];
    expect(rows(parseCostMatrix(csv, places))).toEqual(expected);
    expect(rows(parseCostMatrix(new TextEncoder().encode(csv), places))).toEqual(expected);
  });

  it("picks columns by name or position, with another delimiter", () => {
    const csv = "minutes;to_id;from_id\n4;clinic;south\n";
    expect(rows(parseCostMatrix(csv, places, { columns: ["from_id", "to_id", "minutes"], delimiter: ";" }))).toEqual(["south>clinic=4"]);
    expect(rows(parseCostMatrix("4;clinic;south\n", places, { columns: [2, 1, 0], delimiter: ";", header: false }))).toEqual(["south>clinic=4"]);
  });

  it("leaves out unroutable pairs (an empty or infinite cost)", () => {
    expect(rows(parseCostMatrix("north,clinic,\nnorth,hospital,inf\nsouth,clinic,5\n", places))).toEqual(["south>clinic=5"]);
  });

  it("lists every bad row with its line", () => {
    const csv = "origin,destination,cost\nwest,clinic,1\nnorth,clinic,-2\nnorth\nsouth,\"clinic,4\nsouth,mall,x\n";
    let error: GovGraphError | undefined;
    try {
      parseCostMatrix(csv, places);
    } catch (e) {
      error = e as GovGraphError;
    }
    expect(error?.code).toBe("invalid_input");
    expect(error?.issues.map((i) => `${i.code} ${i.pointer} ${i.message}`)).toEqual([
      'unknown_reference /2/origin line 2: origin "west" is not a demand id',
      'invalid_value /3/cost line 3: cost "-2" is not a non-negative number',
      "malformed_row /4 line 4: 1 field, expected at least 3",
      "malformed_row /5 line 5: a quote is not closed on its line",
      'invalid_value /6/cost line 6: cost "x" is not a non-negative number',
      'unknown_reference /6/destination line 6: destination "mall" is not a supply id',
    ]);
    const missing = () => parseCostMatrix("a,b,c\nnorth,clinic,1\nnowhere,clinic,2\n", places, { columns: ["from", "b", "c"] });
    expect(missing).toThrow(/parseCostMatrix: 1 problem in the input: line 1: the header has no column "from" \(it has "a", "b", "c"\)\./);
    expect(() => parseCostMatrix("x", places, { delimiter: "ab" })).toThrow(/parseCostMatrix: option delimiter must be one ASCII character/);
  });

  it("reads numbers exactly as Number does", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.constantFrom("plain", "fixed", "exp"), (costs, style) => {
        const text = (c: number) => (style === "fixed" ? c.toFixed(6) : style === "exp" ? c.toExponential() : String(c));
        const csv = costs.map((c) => `north,clinic,${text(c)}`).join("\n");
        expect(Array.from(parseCostMatrix(csv, places).cost)).toEqual(costs.map((c) => Number(text(c))));
      }),
    );
  });
});

describe("streaming a cost matrix", () => {
  const csv = "origin,destination,cost\nnorth,clinic,12.5\n\"Ōsaka, east\",hospital,7\r\nsouth,hospital,30";

  it("gives the same columns however the text is cut into chunks, as text or bytes", () => {
    const bytes = new TextEncoder().encode(csv);
    const whole = parseCostMatrix(csv, places);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }), fc.boolean(), (cuts, asText) => {
        const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const reader = createCostMatrixReader(places);
        // Text chunks come from one streaming decoder, which never splits a character.
        const decoder = new TextDecoder();
        for (let n = 1; n < at.length; n++) {
          const piece = bytes.subarray(at[n - 1], at[n]);
          reader.push(asText ? decoder.decode(piece, { stream: n < at.length - 1 }) : piece);
        }
        expect(reader.finish()).toEqual(whole);
      }),
    );
  });

  it("reads a ReadableStream and an async iterable", async () => {
    const stream = new Blob([csv]).stream();
    expect(rows(await readCostMatrix(stream, places))).toEqual(["north>clinic=12.5", "Ōsaka, east>hospital=7", "south>hospital=30"]);
    async function* pieces() {
      yield csv.slice(0, 30);
      yield csv.slice(30);
    }
    expect(await readCostMatrix(pieces(), places)).toEqual(parseCostMatrix(csv, places));
  });
});
