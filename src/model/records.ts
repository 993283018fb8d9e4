/**
 * Records and references
 * ======================
 * How a record's key is formed and named (records/keys.ts), how records are ordered (records/order.ts), and the
 * reference fields with their one walker (records/references.ts). Every module that needs one of these imports it
 * from here; none of it is public API except what src/index.ts exports.
 */
export * from "./records/keys.js";
export * from "./records/order.js";
export * from "./records/references.js";
