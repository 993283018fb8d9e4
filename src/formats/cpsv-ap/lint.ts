import type { Issue } from "../../errors.js";
import { rdfIssue } from "./issues.js";

// Schemes one edit away from http(s): a dropped or doubled letter, as in a prefix written "ttp://".
const TYPO_SCHEMES = /^(ttp|htp|htt|hhttp|htttp|ttps|htps|htts|httpss|hhttps)$/i;
const SPECIAL = /[<"'#]/g;
const SHORT_STRING = { '"': /(?:[^"\\\n]|\\.)*(?:"|\n|$)/y, "'": /(?:[^'\\\n]|\\.)*(?:'|\n|$)/y } as const;
const LONG_STRING = { '"': /(?:[^"\\]|\\.|"(?!""))*(?:"""|$)/y, "'": /(?:[^'\\]|\\.|'(?!''))*(?:'''|$)/y } as const;

/**
 * Finds what a Turtle parser accepts but a catalogue never means: an empty IRI `<>` (with no base IRI to resolve
 * against) and an IRI whose scheme is a misspelt `http` (`ttp://`). Strings and comments are skipped; lines are
 * counted only for what is found.
 * @internal
 */
export function lintTurtle(text: string, fn: string): Issue[] {
  const issues: Issue[] = [];
  const at = lineCounter(text);
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m !== null; m = SPECIAL.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    if (c === "#") {
      const end = text.indexOf("\n", i);
      SPECIAL.lastIndex = end < 0 ? text.length : end;
    } else if (c === '"' || c === "'") {
      const long = text.startsWith(c + c + c, i);
      const body = long ? LONG_STRING[c] : SHORT_STRING[c];
      body.lastIndex = i + (long ? 3 : 1);
      body.exec(text);
      SPECIAL.lastIndex = Math.max(body.lastIndex, i + 1);
    } else {
      const end = text.indexOf(">", i);
      if (end < 0) break;
      const iri = text.slice(i + 1, end);
      if (/[\s"<]/.test(iri)) continue; // not an IRI: the parser reports it
      SPECIAL.lastIndex = end + 1;
      const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(iri)?.[1];
      if (iri === "") {
        const { line, column } = at(i);
        issues.push(rdfIssue(fn, line, column, "empty IRI <> (there is no base IRI to resolve it against): write the IRI it stands for, or leave the triple out"));
      } else if (scheme !== undefined && TYPO_SCHEMES.test(scheme)) {
        const { line, column } = at(i);
        const meant = /s$/i.test(scheme) ? "https" : "http";
        issues.push(rdfIssue(fn, line, column, `IRI <${iri}> has the scheme "${scheme}:", a misspelt "${meant}:": write <${meant}${iri.slice(scheme.length)}>`));
      }
    }
  }
  return issues;
}

/** The line and column (1-based) of increasing positions in a text. */
function lineCounter(text: string): (index: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  return (index) => {
    for (let nl = text.indexOf("\n", lineStart); nl !== -1 && nl < index; nl = text.indexOf("\n", lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    return { line, column: index - lineStart + 1 };
  };
}
