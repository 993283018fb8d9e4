import { z } from "zod";
import { FunctionId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";
import { userRecord } from "./user-record.js";

/** The usual categories of a government function; any other text is accepted too. */
export const FUNCTION_CATEGORIES = [
  "licensing",
  "inspection",
  "enforcement",
  "payment",
  "confirmation",
  "public_service",
  "planning",
  "regulation",
  "other",
] as const;

/** A law, regulation or decree a function rests on. */
export const LegalBasis = z
  .strictObject({ title: z.string().min(1), uri: z.string().optional() })
  .register(govgraphRegistry, { id: "govgraph.LegalBasis", description: "A law, regulation or decree" });
export type LegalBasis = z.infer<typeof LegalBasis>;

/** A responsibility of government (an entry of a power-and-responsibility list). */
export const GovFunction = userRecord("GovFunction", "A responsibility of government; category is licensing, inspection, enforcement, payment, confirmation, public_service, planning, regulation, other or free text; domain is a COFOG code", {
  id: FunctionId,
  name: z.string().min(1),
  description: z.string().optional(),
  category: z.string().optional(),
  domain: z.string().optional(),
  legalBasis: z.array(LegalBasis).optional(),
  keywords: z.array(z.string()).optional(),
});
export type GovFunction = z.infer<typeof GovFunction>;
