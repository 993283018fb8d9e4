/**
 * The fixed catalogue the generator draws on: sectors with their bureaus and subject matters, the verbs that turn
 * a subject into a function, life events with their journeys, segments, evidence types and place-name syllables.
 * @internal
 * @module
 */

/** A sector of government: one bureau per county, one department per province, one ministry per nation. @internal */
export interface Sector {
  key: string;
  /** County bureau name suffix ("Market Regulation Bureau"). */
  bureau: string;
  /** Provincial department name suffix. */
  department: string;
  /** National body name. */
  ministry: string;
  /** COFOG division. */
  domain: string;
  /** The law most of its functions rest on. */
  law: string;
  /** The segment its services usually target. */
  segment: string;
  /** Ten subject matters; a function is a verb applied to one of them. */
  subjects: readonly string[];
  /** Staff scale of a county bureau (authorized posts). */
  staff: number;
}

const s = (
  key: string,
  bureau: string,
  department: string,
  ministry: string,
  domain: string,
  law: string,
  segment: string,
  staff: number,
  subjects: string,
): Sector => ({ key, bureau, department, ministry, domain, law, segment, staff, subjects: subjects.split(";") });

/** Thirty sectors; the order is the order of bureaus in a county. @internal */
export const SECTORS: readonly Sector[] = [
  s("market", "Market Regulation Bureau", "Administration for Market Regulation", "State Administration for Market Regulation", "04.1", "Food Safety Law", "businesses", 90,
    "food businesses;special equipment;weights and measures;product quality;outdoor advertising;commodity prices;trademarks;company formation;cosmetics retail;standardization"),
  s("health", "Health Commission", "Health Commission", "National Health Commission", "07", "Basic Healthcare Law", "citizens", 60,
    "medical institutions;physician practice;nursing staff;public place hygiene;drinking water safety;infectious disease reports;maternal and child care;vaccination clinics;occupational disease;blood donation"),
  s("education", "Education Bureau", "Department of Education", "Ministry of Education", "09", "Education Law", "citizens", 70,
    "private schools;teacher qualification;student financial aid;kindergartens;school enrolment;textbook selection;adult education;campus safety;examination centres;school buses"),
  s("civil", "Civil Affairs Bureau", "Department of Civil Affairs", "Ministry of Civil Affairs", "10.9", "Social Assistance Regulations", "citizens", 45,
    "marriage records;social organizations;subsistence allowance;elderly care homes;funeral parlours;place names;charitable trusts;orphan welfare;adoption cases;temporary relief"),
  s("hrss", "Human Resources and Social Security Bureau", "Department of Human Resources and Social Security", "Ministry of Human Resources and Social Security", "10.2", "Social Insurance Law", "citizens", 65,
    "pension insurance;unemployment insurance;work injury insurance;labour disputes;job placement;vocational skill tests;wage arrears;social security cards;retirement approval;talent housing"),
  s("natres", "Natural Resources Bureau", "Department of Natural Resources", "Ministry of Natural Resources", "04.2", "Land Administration Law", "farmers", 80,
    "construction land use;rural homesteads;mining rights;surveying and mapping;real estate titles;geological hazards;land reclamation;coastal waters;spatial plans;cultivated land protection"),
  s("ecology", "Ecology and Environment Bureau", "Department of Ecology and Environment", "Ministry of Ecology and Environment", "05", "Environmental Protection Law", "businesses", 50,
    "environmental impact reports;pollutant discharge permits;hazardous waste;radiation sources;noise nuisance;air quality alerts;water pollution;contaminated soil;environmental emergencies;emission monitoring"),
  s("housing", "Housing and Urban-Rural Development Bureau", "Department of Housing and Urban-Rural Development", "Ministry of Housing and Urban-Rural Development", "06.1", "Construction Law", "businesses", 75,
    "building permits;construction contractors;property management firms;public rental housing;piped gas supply;street cleaning;construction quality;homebuilders;building energy efficiency;housing provident fund"),
  s("transport", "Transport Bureau", "Department of Transport", "Ministry of Transport", "04.5", "Road Transport Regulations", "businesses", 85,
    "road freight;taxis;driver training centres;highway maintenance;inland waterways;bus routes;vehicle repair shops;overweight trucks;county roads;port operations"),
  s("water", "Water Resources Bureau", "Department of Water Resources", "Ministry of Water Resources", "06.3", "Water Law", "farmers", 55,
    "water abstraction;river sand mining;flood control works;soil and water conservation;reservoir safety;irrigation districts;tap water for farms;river channels;drought relief;water saving"),
  s("agri", "Agriculture and Rural Affairs Bureau", "Department of Agriculture and Rural Affairs", "Ministry of Agriculture and Rural Affairs", "04.2", "Agriculture Law", "farmers", 95,
    "crop seeds;pesticide dealers;veterinary drugs;livestock quarantine;fishing vessels;farm machinery;land contract disputes;fertilizer products;crop disease checks;farmer cooperatives"),
  s("forestry", "Forestry Bureau", "Forestry Administration", "National Forestry and Grassland Administration", "04.2", "Forest Law", "farmers", 40,
    "timber felling;wild animals;wildfire prevention;tree nurseries;bark beetles;nature reserves;wetlands;forest tenure;rare orchids and herbs;pastures"),
  s("commerce", "Commerce Bureau", "Department of Commerce", "Ministry of Commerce", "04.1", "Foreign Trade Law", "businesses", 30,
    "foreign trade operators;pawnshops;auction houses;direct selling;refined oil retail;prepaid store cards;scrap recycling;used car dealers;commercial franchises;farmers markets"),
  s("culture", "Culture, Tourism and Sports Bureau", "Department of Culture and Tourism", "Ministry of Culture and Tourism", "08.2", "Public Cultural Services Law", "businesses", 45,
    "internet cafes;karaoke venues;travel agencies;commercial performances;cultural relics;publications;cable television;art training;scenic areas;lending libraries"),
  s("emergency", "Emergency Management Bureau", "Department of Emergency Management", "Ministry of Emergency Management", "03.2", "Work Safety Law", "businesses", 40,
    "hazardous chemicals;fireworks sales;non-coal mines;workplace safety;disaster relief supplies;emergency shelters;safety officer training;industrial accidents;volunteer firefighters;flood emergencies"),
  s("publicsec", "Public Security Bureau", "Public Security Department", "Ministry of Public Security", "03.1", "Resident Identity Card Law", "citizens", 300,
    "household registration;identity cards;motor vehicle plates;driving licences;exit and entry;firearms;security guard companies;residence permits;traffic offences;seal engraving"),
  s("justice", "Justice Bureau", "Department of Justice", "Ministry of Justice", "03.3", "Legal Aid Law", "citizens", 35,
    "legal aid;attorneys' offices;notarial certificates;people's mediation;community correction;forensic appraisal;law popularization campaigns;village law advisers;arbitration commissions;paralegal workers"),
  s("finance", "Finance Bureau", "Department of Finance", "Ministry of Finance", "01.1", "Budget Law", "businesses", 50,
    "government procurement;bookkeeping agencies;fiscal subsidies;state-owned assets;non-tax revenue;budget execution;lottery outlets;financial receipts;local government debt;treasury payments"),
  s("tax", "Taxation Bureau", "Provincial Taxation Bureau", "State Taxation Administration", "01.1", "Tax Collection Administration Law", "businesses", 120,
    "invoices;new taxpayers;individual income tax;export tax rebates;property tax;social insurance contributions;exemption claims;tax payment certificates;land appreciation tax;vehicle purchase tax"),
  s("veterans", "Veterans Affairs Bureau", "Department of Veterans Affairs", "Ministry of Veterans Affairs", "02.1", "Veterans Protection Law", "citizens", 20,
    "resettlement of ex-soldiers;martyr memorials;servicemen's disability pay;military families;veteran jobs;honour plaques;retired officers;army hospitals;conscription support;discharge papers"),
  s("medsec", "Healthcare Security Bureau", "Healthcare Security Administration", "National Healthcare Security Administration", "07.6", "Social Insurance Law", "citizens", 40,
    "medical insurance enrolment;hospital bill reimbursement;designated pharmacies;catastrophic illness aid;long-term care insurance;drug purchasing;coverage transfers;chronic disease outpatients;maternity benefits;billing fraud"),
  s("stats", "Statistics Bureau", "Bureau of Statistics", "National Bureau of Statistics", "01.3", "Statistics Law", "businesses", 25,
    "sample surveys;population census;falsified figures;price indices;farm output counts;firm directory;data releases;enterprise reporting;questionnaire approvals;labour force survey"),
  s("ethnic", "Ethnic and Religious Affairs Bureau", "Ethnic and Religious Affairs Commission", "National Ethnic Affairs Commission", "08.4", "Regulations on Religious Affairs", "citizens", 12,
    "places of worship;religious gatherings;clergy rosters;minority villages;halal catering;seminaries;bilingual signage;pilgrimage groups;scripture printing;ethnic festivals"),
  s("archives", "Archives Bureau", "Archives Administration", "National Archives Administration", "01.3", "Archives Law", "citizens", 15,
    "file handovers;reading room access;retention scheduling;records management;paper conservation;historical manuscripts;digitized collections;village archives;history exhibitions;family genealogies"),
  s("meteo", "Meteorological Bureau", "Meteorological Service", "China Meteorological Administration", "04.7", "Meteorology Law", "farmers", 8,
    "lightning protection;cloud seeding;sounding balloons;observation stations;forecast releases;climate feasibility;crop weather services;storm warnings;meteorological data;doppler radar"),
  s("devref", "Development and Reform Bureau", "Development and Reform Commission", "National Development and Reform Commission", "04.1", "Enterprise Investment Regulations", "businesses", 45,
    "investment projects;administered prices;energy saving reviews;grain stockpiles;power grids;tariff hearings;enterprise bonds;development zones;credit records;coal supply"),
  s("industry", "Industry and Information Technology Bureau", "Department of Industry and Information Technology", "Ministry of Industry and Information Technology", "04.4", "Radio Regulations", "businesses", 30,
    "radio frequencies;technology upgrades;small enterprises;telecom towers;civil explosives;salt monopoly;software firms;factory land;new energy vehicles;server farms"),
  s("audit", "Audit Bureau", "Audit Office", "National Audit Office", "01.1", "Audit Law", "businesses", 30,
    "spending audits;economic accountability;infrastructure audits;pension fund audits;audit findings;internal audit units;poverty relief money;natural resource assets;rectification orders;audit working papers"),
  s("petition", "Letters and Visits Bureau", "Letters and Visits Office", "National Public Complaints and Proposals Administration", "01.1", "Regulations on Letters and Visits", "citizens", 18,
    "public complaints;joint hearings;online letters;second reviews;collective visits;mayor hotline;complaint follow-up;grievance statistics;leader reception days;petition dossiers"),
  s("govservice", "Government Service Administration", "Government Service Administration", "State Council General Office E-Government Office", "01.3", "Regulations on Optimizing the Business Environment", "citizens", 35,
    "one-stop windows;public resource trading;approval coordination;online service portal;service hotline 12345;service evaluation;certificate sharing;proxy application help;business consultation;night-time windows"),
];

/** How a subject becomes a county function: the verb, the category and a keyword. @internal */
export interface Verb {
  key: string;
  category: string;
  keyword: string;
  name(subject: string): string;
}

/**
 * County-level verbs, citizen-facing first: a bureau holding `F` functions holds the first `F` (verb, subject)
 * combinations in verb-major order.
 * @internal
 */
export const COUNTY_VERBS: readonly Verb[] = [
  { key: "lic", category: "licensing", keyword: "licence", name: (x) => `License ${x}` },
  { key: "reg", category: "confirmation", keyword: "registration", name: (x) => `Register ${x}` },
  { key: "pay", category: "payment", keyword: "fees", name: (x) => `Collect fees for ${x}` },
  { key: "inf", category: "public_service", keyword: "guidance", name: (x) => `Answer questions on ${x}` },
  { key: "ins", category: "inspection", keyword: "inspection", name: (x) => `Inspect ${x}` },
  { key: "pen", category: "enforcement", keyword: "penalty", name: (x) => `Punish breaches on ${x}` },
];

/** Provincial verbs. @internal */
export const PROVINCE_VERBS: readonly Verb[] = [
  { key: "std", category: "regulation", keyword: "standard", name: (x) => `Set standards for ${x}` },
  { key: "sup", category: "regulation", keyword: "oversight", name: (x) => `Guide counties on ${x}` },
  { key: "apv", category: "licensing", keyword: "approval", name: (x) => `Approve major ${x} cases` },
];

/** National verbs. @internal */
export const NATION_VERBS: readonly Verb[] = [
  { key: "law", category: "regulation", keyword: "legislation", name: (x) => `Legislate on ${x}` },
  { key: "pol", category: "planning", keyword: "policy", name: (x) => `Plan national policy on ${x}` },
];

/** Functions of a township government: a name, a category, a COFOG domain. @internal */
export const TOWNSHIP_FUNCTIONS: readonly (readonly [string, string, string, string])[] = [
  ["vil", "Guide village committee elections", "other", "01.1"],
  ["hom", "Accept rural homestead applications", "licensing", "04.2"],
  ["ald", "Verify elderly allowance claims", "payment", "10.2"],
  ["sub", "Distribute farmland subsidies", "payment", "04.2"],
  ["fpl", "Keep birth service records", "confirmation", "07.4"],
  ["saf", "Patrol township work sites", "inspection", "03.2"],
  ["rd", "Maintain village roads", "public_service", "04.5"],
  ["san", "Organize village sanitation", "public_service", "05.1"],
  ["dis", "Mediate neighbourhood disputes", "public_service", "03.3"],
  ["fld", "Warn villages of floods", "public_service", "03.2"],
  ["grn", "Collect grain output figures", "other", "01.3"],
  ["cem", "Manage public cemeteries", "public_service", "10.9"],
];

/** Functions of a people's government (general office) at any level. @internal */
export const GOVERNMENT_FUNCTIONS: readonly (readonly [string, string, string])[] = [
  ["emg", "Coordinate emergency response across bureaus", "other"],
  ["bud", "Submit the annual budget to the people's congress", "planning"],
  ["rev", "Review normative documents of bureaus", "regulation"],
  ["inv", "Attract investment and host investors", "public_service"],
  ["prf", "Appraise the performance of bureaus", "regulation"],
  ["dis", "Disclose government information on request", "public_service"],
  ["stf", "Approve staffing establishments", "regulation"],
  ["plc", "Draft the five-year development plan", "planning"],
];

/**
 * Catalogue functions named in Chinese (sector, subject index, verb key), with keywords. Names are long enough
 * that a one-character edit keeps bigram similarity high, and distinct enough that no two are alike.
 * @internal
 */
export const CHINESE_NAMES: readonly (readonly [string, number, string, string, readonly string[]])[] = [
  ["market", 0, "lic", "食品经营许可证核发与延续", ["食品经营", "许可证", "市场监管"]],
  ["publicsec", 1, "reg", "居民身份证申领换领补领受理", ["身份证", "户籍", "公安"]],
  ["civil", 0, "reg", "内地居民婚姻登记办理", ["婚姻", "结婚登记", "民政"]],
  ["natres", 1, "lic", "农村村民宅基地用地审批", ["宅基地", "农村建房", "自然资源"]],
  ["health", 1, "reg", "医师执业注册变更核准", ["医师", "执业注册", "卫生健康"]],
  ["transport", 1, "lic", "出租汽车经营许可审批", ["出租车", "道路运输", "交通"]],
  ["culture", 0, "lic", "互联网上网服务营业场所经营单位设立审批", ["网吧", "文化市场", "文旅"]],
  ["education", 1, "reg", "中小学教师资格认定", ["教师资格", "认定", "教育"]],
  ["medsec", 1, "pay", "异地就医直接结算备案", ["医保", "异地就医", "备案"]],
  ["hrss", 0, "pay", "城乡居民基本养老保险参保缴费", ["养老保险", "参保", "社保"]],
  ["tax", 0, "reg", "增值税专用发票领用核定", ["发票", "增值税", "税务"]],
  ["agri", 3, "lic", "动物防疫条件合格证核发", ["动物防疫", "检疫", "农业农村"]],
];

/** Audiences. @internal */
export const SEGMENTS: readonly (readonly [string, string, string])[] = [
  ["businesses", "Businesses", "Companies, sole traders and cooperatives"],
  ["citizens", "Citizens", "Every resident"],
  ["disabled", "People with disabilities", "Residents holding a disability certificate"],
  ["elderly", "Elderly", "Residents aged 60 and over"],
  ["farmers", "Farmers", "Rural households working the land"],
  ["newborn-families", "Newborn families", "Parents of a child under one year"],
  ["students", "Students", "Pupils and students and their guardians"],
  ["veterans", "Veterans", "Retired servicemen and their families"],
];

/** A life event: its segment and its journey as (sector, subject, verb) steps, each after the previous ones listed. @internal */
export interface LifeEvent {
  key: string;
  name: string;
  kind: "life_event" | "business_event";
  segment: string;
  rate: number;
  steps: readonly (readonly [string, number, string, readonly number[]])[];
}

const le = (key: string, name: string, kind: LifeEvent["kind"], segment: string, rate: number, steps: LifeEvent["steps"]): LifeEvent =>
  ({ key, name, kind, segment, rate, steps });

/**
 * Life and business events with journeys across bureaus; steps use verbs `lic`, `reg`, `pay` (held in every tier).
 * @internal
 */
export const LIFE_EVENTS: readonly LifeEvent[] = [
  le("start-business", "Start a business", "business_event", "businesses", 0.004, [["market", 7, "reg", []], ["publicsec", 9, "lic", [0]], ["tax", 1, "reg", [0]], ["hrss", 0, "reg", [0]], ["housing", 9, "reg", [0]]]),
  le("open-restaurant", "Open a restaurant", "business_event", "businesses", 0.001, [["market", 7, "reg", []], ["market", 0, "lic", [0]], ["ecology", 1, "lic", [0]], ["tax", 0, "reg", [0]]]),
  le("transfer-equity", "Transfer a company equity share", "business_event", "businesses", 0.0006, [["market", 7, "reg", []], ["tax", 1, "pay", [0]]]),
  le("close-business", "Close a business", "business_event", "businesses", 0.002, [["tax", 1, "reg", []], ["hrss", 3, "reg", []], ["market", 7, "pay", [0, 1]]]),
  le("build-factory", "Build a factory", "business_event", "businesses", 0.0002, [["devref", 0, "reg", []], ["natres", 0, "lic", [0]], ["ecology", 0, "lic", [0]], ["housing", 0, "lic", [1, 2]], ["emergency", 3, "reg", [3]]]),
  le("hire-staff", "Hire the first employee", "business_event", "businesses", 0.002, [["hrss", 0, "reg", []], ["medsec", 0, "reg", []], ["hrss", 2, "reg", []]]),
  le("export-goods", "Start exporting goods", "business_event", "businesses", 0.0003, [["commerce", 0, "reg", []], ["tax", 3, "reg", [0]]]),
  le("open-clinic", "Open a private clinic", "business_event", "businesses", 0.0001, [["health", 0, "lic", []], ["health", 1, "reg", [0]], ["medsec", 2, "reg", [0]]]),
  le("have-baby", "Have a baby", "life_event", "newborn-families", 0.01, [["health", 6, "reg", []], ["publicsec", 0, "reg", [0]], ["medsec", 0, "reg", [1]], ["medsec", 8, "pay", [1]]]),
  le("marry", "Get married", "life_event", "citizens", 0.012, [["civil", 0, "reg", []], ["publicsec", 0, "lic", [0]]]),
  le("retire", "Retire", "life_event", "elderly", 0.012, [["hrss", 8, "reg", []], ["hrss", 0, "pay", [0]], ["medsec", 6, "reg", [0]]]),
  le("death", "Deal with a death in the family", "life_event", "citizens", 0.007, [["health", 4, "reg", []], ["publicsec", 0, "pay", [0]], ["civil", 4, "reg", [0]], ["hrss", 0, "lic", [0]]]),
  le("build-house", "Build a rural house", "life_event", "farmers", 0.003, [["natres", 1, "lic", []], ["housing", 0, "reg", [0]], ["natres", 4, "reg", [1]]]),
  le("buy-home", "Buy a home", "life_event", "citizens", 0.01, [["housing", 9, "pay", []], ["natres", 4, "reg", [0]], ["tax", 4, "pay", [0]]]),
  le("move-house", "Move to another county", "life_event", "citizens", 0.02, [["publicsec", 0, "reg", []], ["medsec", 6, "reg", [0]], ["hrss", 0, "reg", [0]], ["education", 4, "reg", [0]]]),
  le("start-school", "Enrol a child at school", "life_event", "students", 0.012, [["education", 4, "reg", []], ["publicsec", 0, "lic", []]]),
  le("study-aid", "Apply for student financial aid", "life_event", "students", 0.004, [["education", 2, "reg", []], ["civil", 2, "reg", []]]),
  le("lose-job", "Lose a job", "life_event", "citizens", 0.01, [["hrss", 1, "reg", []], ["hrss", 4, "reg", [0]], ["hrss", 5, "reg", [1]]]),
  le("disability", "Become disabled", "life_event", "disabled", 0.002, [["health", 0, "reg", []], ["civil", 2, "lic", [0]], ["medsec", 3, "reg", [0]]]),
  le("hardship", "Fall into hardship", "life_event", "citizens", 0.005, [["civil", 2, "reg", []], ["civil", 9, "pay", [0]], ["medsec", 3, "pay", [0]]]),
  le("veteran-return", "Return home from military service", "life_event", "veterans", 0.0008, [["veterans", 0, "reg", []], ["publicsec", 0, "lic", [0]], ["veterans", 4, "reg", [0]]]),
  le("buy-car", "Buy and register a car", "life_event", "citizens", 0.02, [["tax", 9, "pay", []], ["publicsec", 2, "reg", [0]], ["publicsec", 3, "reg", []]]),
  le("start-farm", "Start a family farm", "life_event", "farmers", 0.002, [["agri", 9, "reg", []], ["agri", 6, "reg", [0]], ["natres", 9, "reg", [0]]]),
  le("travel-abroad", "Travel abroad", "life_event", "citizens", 0.03, [["publicsec", 4, "lic", []]]),
];

/** Evidence types: key, name, issuing sector. @internal */
export const EVIDENCE: readonly (readonly [string, string, string])[] = [
  ["birth-medical-certificate", "Birth medical certificate", "health"],
  ["business-licence", "Business licence", "market"],
  ["death-certificate", "Death certificate", "health"],
  ["disability-certificate", "Disability certificate", "civil"],
  ["household-register", "Household register", "publicsec"],
  ["identity-card", "Resident identity card", "publicsec"],
  ["land-use-certificate", "Land use certificate", "natres"],
  ["marriage-certificate", "Marriage certificate", "civil"],
  ["military-discharge-card", "Military discharge card", "veterans"],
  ["property-title", "Real estate title", "natres"],
  ["social-security-record", "Social security contribution record", "hrss"],
  ["tax-clearance", "Tax payment certificate", "tax"],
  ["vehicle-invoice", "Vehicle purchase invoice", "tax"],
];

/** Syllables for place names. @internal */
export const SYLLABLES: readonly string[] = (
  "an bai bei chang cheng chun da dong feng fu gao guang gui hai he heng hong hua huai jia jian jiang jin jing kang lan " +
  "le li lian lin ling long lu luo mei ming nan ning ping qi qian qing quan rong run sha shan shang shi shui song tai " +
  "tian tong wan wei wen xi xia xian xin xing xiu yan yang yi yong yu yuan yun ze zhang zhao zhen zhong zhu"
).split(" ");
