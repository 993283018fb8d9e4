import { z } from "zod";
import { userData } from "./common.js";
import { DepartmentId, EvidenceId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";

/** A kind of document or record a service asks for; `issuerId` is the department that already holds it. */
export const EvidenceType = z
  .strictObject({ id: EvidenceId, name: z.string().min(1), issuerId: DepartmentId.optional(), ...userData })
  .register(govgraphRegistry, {
    id: "govgraph.EvidenceType",
    description: "A kind of evidence (certificate, licence, record); issuerId is the department that issues or holds it (the authentic source)",
  });
export type EvidenceType = z.infer<typeof EvidenceType>;
