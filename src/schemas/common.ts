import { z } from "zod";

/** A finite, non-negative number (counts, volumes, money, days). */
export const Amount = z.number().nonnegative();

/** The user's own data on any record. */
export const Attributes = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type Attributes = z.infer<typeof Attributes>;

/** Fields every record may carry for the user's own data. */
export const userData = {
  tags: z.array(z.string()).optional(),
  attributes: Attributes.optional(),
};

/** A point on the Earth, in decimal degrees (WGS 84). */
export const Location = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Location = z.infer<typeof Location>;
