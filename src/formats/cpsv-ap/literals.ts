import { XSD } from "./vocabulary.js";

/** A literal as the writer emits it and the reader sees it. @internal */
export interface Lit {
  value: string;
  datatype?: string;
  language?: string;
}

/** A number as a literal whose lexical form reads back to the same double. @internal */
export function numberLiteral(n: number): Lit {
  return { value: String(n), datatype: Number.isSafeInteger(n) ? XSD.integer : XSD.double };
}

/** An `xsd:double` literal (what cv:hasValue requires). @internal */
export function doubleLiteral(n: number): Lit {
  return { value: String(n), datatype: XSD.double };
}

/** Whole days as an `xsd:duration` (`P3D`); `undefined` for a fraction or a very large number. @internal */
export function daysToDuration(days: number): string | undefined {
  return Number.isSafeInteger(days) ? `P${days}D` : undefined;
}

const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An `xsd:duration` in days (a year counted as 365 days, a month as 30); `undefined` when it is not one. @internal */
export function durationToDays(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m || m[0] === "P" || m[0].endsWith("T") || m[1]) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return n(2) * 365 + n(3) * 30 + n(4) * 7 + n(5) + n(6) / 24 + n(7) / 1440 + n(8) / 86400;
}

/** A point as a WKT literal, longitude first. @internal */
export function wktPoint(location: { lat: number; lon: number }): Lit {
  return { value: `POINT(${location.lon} ${location.lat})`, datatype: XSD.wkt };
}

const POINT = /^\s*(?:<[^>]*>\s*)?POINT\s*\(\s*(\S+)\s+(\S+)\s*\)\s*$/i;

/** The `{lat, lon}` of a WKT point, or `undefined`. @internal */
export function parseWktPoint(text: string): { lat: number; lon: number } | undefined {
  const m = POINT.exec(text);
  if (!m) return undefined;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : undefined;
}

/** A JSON value as an `rdf:JSON` literal. @internal */
export function jsonLiteral(value: unknown): Lit {
  return { value: JSON.stringify(value), datatype: XSD.json };
}
