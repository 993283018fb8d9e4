import { describe, expect, it, vi } from "vitest";
import { GovGraphError, parseJsonBytes } from "../../src/index.js";

// The longest string is 2^29 - 24 characters in V8: a value that long would take more than 512 MB of memory in a
// test, so the reader is shown a limit of 1,000 characters instead (the check is the same).
vi.mock("../../src/formats/json/utf8.js", async (importOriginal) => ({ ...(await importOriginal<object>()), MAX_STRING_LENGTH: 1000 }));

describe("a value longer than the longest string", () => {
  it("is reported as too large for one JavaScript string, at its place, not as malformed JSON", () => {
    const long = "x".repeat(1500);
    const bytes = new TextEncoder().encode(`{"regions": [{"id": "a"},\n {"id": "${long}"}]}`);
    let error: unknown;
    try {
      parseJsonBytes(bytes, { batchBytes: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).code).toBe("invalid_input");
    expect((error as GovGraphError).message).toBe(
      "parseJsonBytes: the value at line 2, column 2 (byte 27) (regions[1]) is 1,512 characters of JSON, more than the longest string JavaScript can hold (1,000), so it cannot be parsed. Split it into smaller values.",
    );
    expect((error as GovGraphError).issues[0]).toMatchObject({ code: "too_large", path: ["regions", 1], line: 2, column: 2 });
  });

  it("does not trouble values shorter than it", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `{"id": "${"y".repeat(40)}${i}"}`);
    expect(parseJsonBytes(new TextEncoder().encode(`{"regions": [${ids.join(",")}]}`), { batchBytes: 300 })).toEqual({
      regions: ids.map((id) => JSON.parse(id)),
    });
  });
});
