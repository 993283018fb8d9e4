/** The formats of a command that prints tables: text (default), JSON, Markdown, CSV. @internal */
export const FORMATS = ["text", "json", "md", "csv"] as const;
/** An output format. @internal */
export type Format = (typeof FORMATS)[number] | "html";
