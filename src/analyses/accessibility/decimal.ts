/**
 * Decimal numbers read straight from bytes, correctly rounded: up to 15 digits without an exponent are an exact
 * integer over an exact power of ten (one correctly rounded division); anything longer goes through `Number`.
 */

const POWERS = Float64Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The number spelled by `bytes[start..end)` (`-?digits[.digits][e[+-]digits]`, or `.5`), or `NaN` when it is not one.
 * @internal
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === 45; // -
  if (negative || bytes[i] === 43) i++; // +
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 48 && b <= 57) {
      mantissa = mantissa * 10 + (b - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (b === 46 && fraction < 0) fraction = 0;
    else break;
  }
  if (digits === 0) return Number.NaN;
  if (i === end && digits <= 15) {
    const value = fraction > 0 ? mantissa / POWERS[fraction]! : mantissa;
    return negative ? -value : value;
  }
  if (i < end && (bytes[i] === 101 || bytes[i] === 69)) {
    i++;
    if (bytes[i] === 43 || bytes[i] === 45) i++;
    const first = i;
    while (i < end && bytes[i]! >= 48 && bytes[i]! <= 57) i++;
    if (i === first) return Number.NaN;
  }
  if (i !== end) return Number.NaN;
  return Number(String.fromCharCode(...bytes.subarray(start, end)));
}
