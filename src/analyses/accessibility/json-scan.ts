/**
 * The few JSON scanning steps the catchment reader needs, over UTF-8 bytes. Every function returns a byte offset,
 * or throws {@link JsonShape} where the text is not what the fast path reads (the caller then parses it in full).
 */

/** The text is not in the shape the fast path reads (or not JSON at all). @internal */
export class JsonShape extends Error {}

/** The offset of the first byte at or after `i` that is not JSON whitespace. @internal */
export function skipSpace(bytes: Uint8Array, i: number): number {
  for (;;) {
    const b = bytes[i];
    if (b === 32 || b === 10 || b === 13 || b === 9) i++;
    else return i;
  }
}

/** `bytes[i]` must be `byte` (after whitespace): the offset after it. @internal */
export function expect(bytes: Uint8Array, i: number, byte: number): number {
  i = skipSpace(bytes, i);
  if (bytes[i] !== byte) throw new JsonShape();
  return i + 1;
}

/** With `bytes[i]` an opening quote: the offset of the closing quote. @internal */
export function stringEnd(bytes: Uint8Array, i: number): number {
  for (let q = i + 1; q < bytes.length; q++) {
    const b = bytes[q];
    if (b === 34) return q;
    if (b === 92) q++;
  }
  throw new JsonShape();
}

/** The end of a number or literal starting at `i`. @internal */
export function tokenEnd(bytes: Uint8Array, i: number): number {
  for (;;) {
    const b = bytes[i]!;
    if ((b >= 48 && b <= 57) || b === 46 || b === 45 || b === 43 || (b >= 97 && b <= 122) || (b >= 65 && b <= 90)) i++;
    else return i;
  }
}

/** The offset just after the JSON value that starts at (or after whitespace from) `i`. @internal */
export function skipValue(bytes: Uint8Array, i: number): number {
  i = skipSpace(bytes, i);
  const first = bytes[i];
  if (first === 34) return stringEnd(bytes, i) + 1;
  if (first !== 91 && first !== 123) {
    const end = tokenEnd(bytes, i);
    if (end === i) throw new JsonShape();
    return end;
  }
  let depth = 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 34) i = stringEnd(bytes, i);
    else if (b === 91 || b === 123) depth++;
    else if ((b === 93 || b === 125) && --depth === 0) return i + 1;
  }
  throw new JsonShape();
}
