import { GovGraphError, toPointer, type Issue } from "../../errors.js";

const MAX_LISTED = 10;

/** Collects the problems of one input, to report them all at once. @internal */
export class Problems {
  readonly issues: Issue[] = [];

  constructor(readonly fn: string) {}

  add(code: string, path: (string | number)[], message: string): void {
    this.issues.push({ code, path, pointer: toPointer(path), message, severity: "error" });
  }

  get count(): number {
    return this.issues.length;
  }

  /** Throws one `invalid_input` GovGraphError listing every problem (the message names the first ten), if any. */
  throwIfAny(): void {
    const issues = this.issues;
    if (issues.length === 0) return;
    const listed = issues.slice(0, MAX_LISTED).map((i) => i.message).join("; ");
    const more = issues.length > MAX_LISTED ? `; and ${issues.length - MAX_LISTED} more` : "";
    throw new GovGraphError(
      "invalid_input",
      `${this.fn}: ${issues.length} problem${issues.length === 1 ? "" : "s"} in the input: ${listed}${more}. Fix them (every one is listed in error.issues) and call again.`,
      { issues },
    );
  }
}
