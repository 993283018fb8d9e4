import { OffFastPath, type TripleHandler } from "./turtle-reader.js";
import { T, XSD } from "./vocabulary.js";

/**
 * Collects the triples of a document govgraph wrote, node by node, as they are read: each node keeps, in slots
 * fixed by its class, the values of the predicates govgraph writes for that class (a literal's lexical value, the
 * node an IRI names). Nothing else is kept, so there is no index of every triple. A triple govgraph would not
 * write (a predicate unknown for the class, a second value of a one-valued term, a literal where an IRI belongs, a
 * node whose first triple is not its type) throws {@link OffFastPath}: the document is then read the general way.
 * @internal
 */

/** How a predicate's objects are kept: one literal, one node, nodes in order, plain strings, texts in one language, or skipped. */
type Shape = "lit" | "ref" | "refs" | "strings" | "texts" | "skip";

/** A class of node the collector knows, with the slot of each predicate. @internal */
export interface Kind<F extends string = string> {
  readonly name: string;
  /** Any predicate is accepted and ignored (concept schemes, the language node). */
  readonly open: boolean;
  readonly slots: ReadonlyMap<string, number>;
  readonly shapes: readonly Shape[];
  /** The slot of each field. */
  readonly at: Readonly<Record<F, number>>;
}

function kind<F extends string>(name: string, fields: Record<F, [string, Shape]>, open = false): Kind<F> {
  const entries = Object.entries(fields) as [F, [string, Shape]][];
  return {
    name,
    open,
    slots: new Map(entries.map(([, [predicate]], i) => [predicate, i])),
    shapes: entries.map(([, [, shape]]) => shape),
    at: Object.fromEntries(entries.map(([field], i) => [field, i])) as Record<F, number>,
  };
}

const USER = { tags: [T.tag, "strings"], attributes: [T.attributes, "lit"], order: [T.listOrder, "lit"] } as const satisfies Record<string, [string, Shape]>;
const ID = [T.identifier, "lit"] as const satisfies [string, Shape];

/** The classes of a document govgraph writes, and what the reader keeps of each. @internal */
export const KINDS = {
  model: kind("model", { name: [T.title, "lit"], description: [T.description, "lit"], source: [T.source, "lit"], license: [T.license, "lit"], version: [T.schemaVersion, "skip"] }),
  ignored: kind("ignored", {}, true),
  region: kind("region", { id: ID, name: [T.title, "lit"], parent: [T.isPartOf, "ref"], level: [T.level, "lit"], population: [T.population, "lit"], geometry: [T.geometry, "lit"], ...USER }),
  concept: kind("concept", {
    id: ID,
    name: [T.prefLabel, "lit"],
    schemes: [T.inScheme, "refs"],
    description: [T.definition, "lit"],
    keywords: [T.altLabel, "texts"],
    category: [T.category, "lit"],
    domain: [T.domain, "lit"],
    laws: [T.legalBasis, "refs"],
    notation: [T.notation, "skip"],
    ...USER,
  }),
  department: kind("department", {
    id: ID,
    name: [T.prefLabel, "lit"],
    title: [T.title, "skip"],
    region: [T.spatial, "ref"],
    parent: [T.subOrganizationOf, "ref"],
    level: [T.level, "lit"],
    kind: [T.kind, "lit"],
    staff: [T.staff, "lit"],
    budget: [T.budget, "lit"],
    identifiers: [T.admsIdentifier, "refs"],
    leads: [T.leads, "refs"],
    supports: [T.supports, "refs"],
    ...USER,
  }),
  evidence: kind("evidence", { id: ID, name: [T.title, "lit"], issuer: [T.publisher, "ref"], ...USER }),
  need: kind("need", {
    id: ID,
    name: [T.title, "lit"],
    segments: [T.audience, "refs"],
    services: [T.hasRelatedService, "skip"],
    demand: [T.demand, "lit"],
    weight: [T.weight, "lit"],
    journey: [T.journey, "lit"],
    ...USER,
  }),
  service: kind("service", {
    id: ID,
    name: [T.title, "lit"],
    description: [T.description, "lit"],
    noDescription: [T.noDescription, "lit"],
    language: [T.language, "skip"],
    authority: [T.hasCompetentAuthority, "ref"],
    participations: [T.hasParticipation, "refs"],
    functions: [T.isClassifiedBy, "refs"],
    laws: [T.hasLegalResource, "skip"],
    areas: [T.thematicArea, "skip"],
    needs: [T.isGroupedBy, "refs"],
    segments: [T.audience, "refs"],
    regions: [T.spatial, "refs"],
    inputs: [T.hasInput, "refs"],
    reused: [T.reusedInput, "refs"],
    channels: [T.hasChannel, "refs"],
    costs: [T.hasCost, "refs"],
    duration: [T.processingTime, "lit"],
    days: [T.processingDays, "lit"],
    volume: [T.annualVolume, "lit"],
    status: [T.status, "ref"],
    published: [T.published, "lit"],
    quality: [T.quality, "lit"],
    keywords: [T.keyword, "texts"],
    attributes: USER.attributes,
    order: USER.order,
  }),
  point: kind("point", { id: ID, name: [T.title, "lit"], region: [T.spatial, "ref"], geometry: [T.geometry, "lit"], services: [T.offers, "refs"], capacity: [T.capacity, "lit"], kind: [T.kind, "lit"], ...USER }),
  travelCost: kind("travelCost", { region: [T.region, "ref"], point: [T.point, "ref"], cost: [T.cost, "lit"], ...USER }),
  identifier: kind("identifier", { notation: [T.notation, "lit"], agency: [T.schemeAgency, "lit"] }),
  law: kind("law", { title: [T.title, "lit"], uri: [T.identifier, "lit"] }),
  participation: kind("participation", { id: [T.identifier, "skip"], description: [T.description, "skip"], role: [T.role, "ref"], participant: [T.hasParticipant, "ref"] }),
  channel: kind("channel", {
    id: [T.identifier, "skip"],
    type: [T.dctType, "ref"],
    duration: [T.processingTime, "lit"],
    days: [T.processingDays, "lit"],
    endToEnd: [T.endToEnd, "lit"],
    visits: [T.visits, "lit"],
    capacity: [T.capacity, "lit"],
    ...USER,
  }),
  cost: kind("cost", { id: [T.identifier, "skip"], value: [T.hasValue, "lit"], channel: [T.ifAccessedThrough, "ref"] }),
  assignment: kind("assignment", { department: [T.assignmentOf, "ref"], fn: [T.assignedFunction, "ref"], ...USER }),
};

const CLASSES = new Map<string, Kind>([
  [T.Model, KINDS.model],
  [T.ConceptScheme, KINDS.ignored],
  [T.LinguisticSystem, KINDS.ignored],
  [T.Location, KINDS.region],
  [T.Concept, KINDS.concept],
  [T.PublicOrganisation, KINDS.department],
  [T.Evidence, KINDS.evidence],
  [T.Event, KINDS.need],
  [T.LifeEvent, KINDS.need],
  [T.BusinessEvent, KINDS.need],
  [T.PublicService, KINDS.service],
  [T.ServicePoint, KINDS.point],
  [T.TravelCost, KINDS.travelCost],
  [T.Identifier, KINDS.identifier],
  [T.LegalResource, KINDS.law],
  [T.Participation, KINDS.participation],
  [T.Channel, KINDS.channel],
  [T.Cost, KINDS.cost],
  [T.Assignment, KINDS.assignment],
]);

const NOT_OWN = new OffFastPath("a triple govgraph does not write");
const TYPE = -2;

/** Bits of {@link CollectedNode.flags}. @internal */
export const FLAGS: Readonly<Record<string, number>> = { [T.LifeEvent]: 1, [T.BusinessEvent]: 2, [T.Agent]: 4 };

/** A node of the document: its class, the values of its slots, and (once mapped) the id of its record. @internal */
export class CollectedNode {
  kind: Kind | undefined = undefined;
  slots: unknown[] | undefined = undefined;
  /** Classes that refine its kind, as bits of {@link FLAGS}: life or business event, agent. */
  flags = 0;
  /** The language of its texts (`"texts"` slots). */
  language: string | undefined = undefined;
  /** Its record's id and collection, set when the records are mapped. */
  id: string | undefined = undefined;
  collection: string | undefined = undefined;
  private full: string | undefined = undefined;

  constructor(
    private readonly namespace: string,
    private readonly local: string,
  ) {}

  /** Its IRI (made when asked: most nodes are only ever known by their record's id). */
  get iri(): string {
    return (this.full ??= this.namespace + this.local);
  }
}

/** The triple handler that fills the nodes. @internal */
export class NodeCollector implements TripleHandler<CollectedNode> {
  /** The nodes of each class, in the order their type was read. */
  readonly ofKind = new Map<Kind, CollectedNode[]>(Object.values(KINDS).map((k) => [k, []]));
  private readonly models = this.ofKind.get(KINDS.model)!;

  node(namespace: string, local: string): CollectedNode {
    return new CollectedNode(namespace, local);
  }

  /** The slot of a predicate on a node: its type, a slot of its class, or -1 when the class ignores the predicate. */
  predicate(subject: CollectedNode, predicate: string): number {
    if (predicate === T.type) return TYPE;
    const kind = subject.kind;
    if (kind === undefined) throw NOT_OWN;
    if (kind.open) return -1;
    const slot = kind.slots.get(predicate);
    if (slot === undefined) throw NOT_OWN;
    return kind.shapes[slot] === "skip" ? -1 : slot;
  }

  iri(subject: CollectedNode, slot: number, object: CollectedNode): void {
    if (slot === TYPE) return this.type(subject, object.iri);
    const slots = subject.slots!;
    const shape = subject.kind!.shapes[slot];
    if (shape === "ref") {
      if (slots[slot] !== undefined) throw NOT_OWN;
      slots[slot] = object;
    } else if (shape === "refs") add(slots, slot, object);
    else throw NOT_OWN;
  }

  literal(subject: CollectedNode, slot: number, value: string, language: string, datatype: string): void {
    if (slot === TYPE) throw NOT_OWN;
    const slots = subject.slots!;
    const shape = subject.kind!.shapes[slot];
    if (shape === "lit") {
      if (slots[slot] !== undefined) throw NOT_OWN;
      slots[slot] = value;
    } else if (shape === "strings" || shape === "texts") {
      // gg:tag keeps plain strings only; keywords in several languages would need a choice among them.
      if (shape === "strings" ? language !== "" || datatype !== XSD.string : (subject.language ??= language) !== language) throw NOT_OWN;
      add(slots, slot, value);
    } else throw NOT_OWN;
  }

  private type(node: CollectedNode, classIri: string): void {
    const kind = CLASSES.get(classIri);
    if (node.kind === undefined) {
      // The writer's first node is the gg:Model: another document is left to the general reader at once.
      if (kind === undefined || (kind !== KINDS.model && this.models.length === 0)) throw NOT_OWN;
      node.kind = kind;
      node.slots = new Array<unknown>(kind.shapes.length);
      this.ofKind.get(kind)!.push(node);
    } else if (!(kind === node.kind && kind === KINDS.need) && !(node.kind === KINDS.department && classIri === T.Agent)) {
      throw NOT_OWN;
    }
    node.flags |= FLAGS[classIri] ?? 0;
  }
}


/**
 * Adds a value to a many-valued slot: one value is kept as it is, two in an array of two; a longer list grows as
 * arrays do (most lists have one or two values, and an array grown by `push` holds room for 17).
 */
function add(slots: unknown[], slot: number, value: unknown): void {
  const list = slots[slot];
  if (list === undefined) slots[slot] = value;
  else if (Array.isArray(list)) list.push(value);
  else slots[slot] = [list, value];
}
