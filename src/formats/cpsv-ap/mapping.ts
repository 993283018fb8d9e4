import type { ChannelKind, ServiceStatus } from "../../schemas/service.js";
import { iriTail } from "./graph.js";
import { NS } from "./vocabulary.js";

/**
 * The code lists between govgraph's values and CPSV-AP's concepts: channel kinds, service status (ADMS status),
 * languages (the EU Publications Office language authority).
 * @internal
 */

/** Channel kinds as concepts of govgraph's channel-kind scheme (CPSV-AP leaves the list open). @internal */
export const CHANNEL_KIND_IRI: Record<ChannelKind, string> = {
  in_person: NS.gg + "channel-in_person",
  online: NS.gg + "channel-online",
  phone: NS.gg + "channel-phone",
  mail: NS.gg + "channel-mail",
  mobile: NS.gg + "channel-mobile",
  kiosk: NS.gg + "channel-kiosk",
  outreach: NS.gg + "channel-outreach",
};

/** English labels of the channel-kind concepts. @internal */
export const CHANNEL_KIND_LABEL: Record<ChannelKind, string> = {
  in_person: "In person",
  online: "Online",
  phone: "Phone",
  mail: "Mail",
  mobile: "Mobile",
  kiosk: "Kiosk",
  outreach: "Outreach",
};

const KIND_BY_IRI = new Map(Object.entries(CHANNEL_KIND_IRI).map(([kind, iri]) => [iri, kind as ChannelKind]));

// Words in another catalogue's channel type (its IRI or label) that say which kind it is; the first match wins.
const KIND_WORDS: [RegExp, ChannelKind][] = [
  [/kiosk/i, "kiosk"],
  [/outreach|home.?visit|mobile.?unit/i, "outreach"],
  [/mobile|\bapp\b|sms/i, "mobile"],
  [/phone|telefon|tel:/i, "phone"],
  [/e-?mail|epost|online|web|digital|internet|portal|e-?service/i, "online"],
  [/mail|post|letter|brev/i, "mail"],
  [/in.?person|office|kontor|desk|counter|window|face|assisted|physical|visit/i, "in_person"],
];

/** The channel kind a channel type stands for: ours by IRI, another catalogue's by the words of its IRI's last segment or label. @internal */
export function channelKindOf(typeIri: string | undefined, label: string | undefined): ChannelKind | undefined {
  if (typeIri !== undefined) {
    const own = KIND_BY_IRI.get(typeIri);
    if (own) return own;
  }
  const text = `${typeIri === undefined ? "" : iriTail(typeIri)} ${label ?? ""}`;
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(text)) return kind;
  return undefined;
}

const ADMS_STATUS = "http://purl.org/adms/status/";
const LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/";

/** Prefixes of the code lists the writer points to, for shorter Turtle. @internal */
export const CODE_LIST_PREFIXES = { admsstatus: ADMS_STATUS, language: LANGUAGE_AUTHORITY } as const;

/** Service status as ADMS status concepts. @internal */
export const STATUS_IRI: Record<ServiceStatus, string> = {
  active: ADMS_STATUS + "Completed",
  planned: ADMS_STATUS + "UnderDevelopment",
  retired: ADMS_STATUS + "Withdrawn",
};

/** The status an ADMS (or similar) status concept stands for. @internal */
export function statusOf(iri: string): ServiceStatus | undefined {
  const tail = iri.slice(iri.search(/[^/#]*$/)).toLowerCase();
  if (/^(completed|active|attivo|aktiv|operational)$/.test(tail)) return "active";
  if (/^(underdevelopment|planned|development|draft)$/.test(tail)) return "planned";
  if (/^(withdrawn|deprecated|retired|inactive|closed)$/.test(tail)) return "retired";
  return undefined;
}

// ISO 639-1 tags to the EU language authority's codes (ISO 639-3 / 639-2/T).
const LANGUAGES: Record<string, string> = {
  ar: "ARA", bg: "BUL", cs: "CES", da: "DAN", de: "DEU", el: "ELL", en: "ENG", es: "SPA", et: "EST", fi: "FIN",
  fr: "FRA", ga: "GLE", hr: "HRV", hu: "HUN", it: "ITA", ja: "JPN", ko: "KOR", lt: "LIT", lv: "LAV", mt: "MLT",
  nb: "NOB", nl: "NLD", nn: "NNO", no: "NOR", pl: "POL", pt: "POR", ro: "RON", ru: "RUS", sk: "SLK", sl: "SLV",
  sv: "SWE", uk: "UKR", zh: "ZHO",
};

/** The EU language authority IRI of a language tag (`en-GB` -> `.../ENG`), when the table knows it. @internal */
export function languageIri(tag: string): string | undefined {
  const code = LANGUAGES[tag.toLowerCase().split("-")[0]!];
  return code === undefined ? undefined : LANGUAGE_AUTHORITY + code;
}
