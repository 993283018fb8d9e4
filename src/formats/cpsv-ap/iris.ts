import type { CollectionName } from "../../schemas/model.js";

/** The path segment under the base IRI of each collection's records. @internal */
export const IRI_SEGMENTS: Record<Exclude<CollectionName, "assignments" | "travelCosts">, string> = {
  regions: "regions",
  segments: "segments",
  departments: "departments",
  functions: "functions",
  services: "services",
  needs: "needs",
  evidence: "evidence",
  servicePoints: "service-points",
};

/** Short prefixes for the record IRIs in Turtle. @internal */
export const IRI_PREFIXES: Record<keyof typeof IRI_SEGMENTS, string> = {
  regions: "region",
  segments: "segment",
  departments: "dept",
  functions: "fn",
  services: "service",
  needs: "need",
  evidence: "evidence",
  servicePoints: "point",
};

/**
 * Percent-encodes an id for an IRI path segment (`/` included, so a record's sub-node IRIs never meet another
 * record's). A lone surrogate, which has no UTF-8 form, becomes U+FFFD.
 * @internal
 */
export function encodeId(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    return encodeURIComponent(id.replace(/[\ud800-\udfff]/g, (c, i: number) => (isPaired(id, i) ? c : "\ufffd")));
  }
}

function isPaired(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  return i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/** Mints the IRIs of a model's records under one base IRI. @internal */
export class Iris {
  readonly prefixes: Record<string, string>;
  private readonly roots: Record<string, string>;

  constructor(readonly base: string) {
    this.roots = {};
    this.prefixes = {};
    for (const [collection, segment] of Object.entries(IRI_SEGMENTS)) {
      this.roots[collection] = `${base}${segment}/`;
      this.prefixes[IRI_PREFIXES[collection as keyof typeof IRI_SEGMENTS]] = `${base}${segment}/`;
    }
  }

  private readonly minted = new Map<string, Map<string, string>>();

  /** The IRI of a record of a collection (minted once: references repeat, and the same string hashes once). */
  of(collection: keyof typeof IRI_SEGMENTS, id: string): string {
    let byId = this.minted.get(collection);
    if (byId === undefined) this.minted.set(collection, (byId = new Map()));
    let iri = byId.get(id);
    if (iri === undefined) byId.set(id, (iri = this.roots[collection] + encodeId(id)));
    return iri;
  }

  /** The IRI of a pair-keyed record (an assignment's detail, a travel cost). */
  pair(kind: "assignments" | "travel-costs", a: string, b: string): string {
    return `${this.base}${kind}/${encodeId(a)}/${encodeId(b)}`;
  }

  /** The IRI of the model node and of the concept schemes. */
  get model(): string {
    return `${this.base}model`;
  }

  scheme(name: "functions" | "segments"): string {
    return `${this.base}${name}`;
  }
}
