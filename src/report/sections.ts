/** One section of the report page: its anchor, heading and what it measures and how, in plain words. @internal */
export interface SectionText {
  id: string;
  title: string;
  /** Paragraphs of plain text (escaped when the page is written). */
  explain: string[];
}

/** The sections, in page order; `compare` appears only in a before/after report. @internal */
export const SECTIONS: SectionText[] = [
  {
    id: "scorecard",
    title: "Scorecard",
    explain: [
      "Five pillars of a service-oriented reform, each scored from 0 to 100 from the indicators listed under it: how functions are allocated between departments, the level of public services, innovation in governance, the openness of government affairs, and the civil service.",
      "A pillar's score is the weighted mean of its indicators that have data. An indicator the model has no data for reads \"no data\" and is left out: it is never counted as 0 or as 100. The composite is the weighted mean of the pillars that have a score.",
    ],
  },
  {
    id: "compare",
    title: "Before and after",
    explain: [
      "The same analyses run on two models, typically before and after a reform scenario: every pillar side by side, then each indicator that moved, the journeys that changed and the records added, removed or changed. A change reads \"no data\" when either side has none.",
    ],
  },
  {
    id: "duplication",
    title: "Duplication and fragmentation",
    explain: [
      "Which responsibilities (functions) are held by several departments. A function is duplicated when departments whose jurisdictions overlap both hold it as lead: at the same level (horizontal) or at a level and the one above it (vertical). It is fragmented when its work is split over the departments of one jurisdiction; the Herfindahl-Hirschman index (HHI) of their shares says how much: 1 is one department, 0.5 two equal ones, and 1/HHI is the effective number of departments.",
      "The graph links each department to the functions it holds, laid out (ForceAtlas2) when the report was written so that departments holding the same functions sit close together; in a big model it draws departments only, grouped by jurisdiction, and shows one department's functions when you ask. Duplicated functions are vermilion, fragmented ones orange. Hover over a node for its name, click it or search for it to see who holds it and the evidence.",
    ],
  },
  {
    id: "coverage",
    title: "Coverage",
    explain: [
      "Whether each need's demand (cases a year, by region and audience) is reached: by an active service with a remote channel (online, phone, mail, mobile), or by a service point within reach of the region. Reach is the share of demand reached; capacity shares each point's yearly capacity among the people who can reach it (a two-step floating catchment). A gap is demand nothing reaches.",
    ],
  },
  {
    id: "journeys",
    title: "Journeys",
    explain: [
      "What a life event costs a citizen: the services to complete, in order, the departments dealt with, the visits in person (each step through the channel needing fewest) and the evidence asked for. \"Once-only\" means the government reuses evidence it already holds; evidence asked again is what the citizen must hand over a second time.",
    ],
  },
  {
    id: "staffing",
    title: "Staffing",
    explain: [
      "Staff against workload, department by department: cases a year per staff member, compared with comparable departments (same level and kind). Relative efficiency is a department's cases per staff member over the best of its peers. Departments far from their peers' median, above their authorized posts, or with many posts unfilled are flagged.",
    ],
  },
  {
    id: "openness",
    title: "Openness",
    explain: [
      "How much of each service is published: its guide, legal basis, fee, processing time, channels and contact. Each item counts only where it applies (a legal basis where the service's functions have one, a fee where the service has one), so a department is measured on what it could publish.",
    ],
  },
];
