import { z } from "zod";
import { DepartmentId, EvidenceId } from "./ids.js";
import { userRecord } from "./user-record.js";

/** A kind of document or record a service asks for; `issuerId` is the department that already holds it. */
export const EvidenceType = userRecord("EvidenceType", "A kind of evidence (certificate, licence, record); issuerId is the department that issues or holds it (the authentic source)", {
  id: EvidenceId,
  name: z.string().min(1),
  issuerId: DepartmentId.optional(),
});
export type EvidenceType = z.infer<typeof EvidenceType>;
