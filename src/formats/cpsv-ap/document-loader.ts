import { GovGraphError } from "../../errors.js";
import { CPSV_AP_CONTEXT } from "./context.js";

/**
 * Where CPSV-AP 3.2.0 publishes its JSON-LD context (the official example names the first): `fromCpsvAp` serves
 * these from its bundled copy.
 * @example
 * await fromCpsvAp(JSON.stringify({ "@context": CPSV_AP_CONTEXT_URLS[0], "@graph": [] }))
 */
export const CPSV_AP_CONTEXT_URLS = [
  "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
  "https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
] as const;

/** What jsonld.js expects from a document loader. @internal */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}

/**
 * A jsonld.js document loader that serves the bundled CPSV-AP 3.2.0 context (over http or https) and refuses every
 * other URL, so reading JSON-LD never touches the network.
 * @internal
 */
export async function cpsvApDocumentLoader(url: string): Promise<RemoteDocument> {
  const https = url.replace(/^http:/, "https:");
  if ((CPSV_AP_CONTEXT_URLS as readonly string[]).includes(https)) {
    return { contextUrl: null, documentUrl: url, document: CPSV_AP_CONTEXT };
  }
  throw new GovGraphError(
    "invalid_input",
    `fromCpsvAp: the document names the remote context ${JSON.stringify(url)}, which is not bundled and is never fetched. Put the context inline, or name the CPSV-AP 3.2.0 context (${CPSV_AP_CONTEXT_URLS[0]}).`,
  );
}
