import type { Issue } from "../../errors.js";
import { rdfIssue } from "./issues.js";

// Schemes one edit away from http(s): a dropped or doubled letter, as in a prefix written "ttp://".
const TYPO_SCHEMES = /^(ttp|htp|htt|hhttp|htttp|http\/|ttps|htps|htts|httpss|hhttps)$/i;

/**
 * Finds what a Turtle parser accepts but a catalogue never means: an empty IRI `<>` (with no base IRI to resolve
 * against) and an IRI whose scheme is a misspelt `http` (`ttp://`). Strings and comments are skipped.
 * @internal
 */
export function lintTurtle(text: string, fn: string): Issue[] {
  const issues: Issue[] = [];
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 35 /* # */) {
      while (i + 1 < n && text.charCodeAt(i + 1) !== 10) i++;
    } else if (c === 34 || c === 39 /* " ' */) {
      const quote = text[i]!;
      const long = text.startsWith(quote.repeat(3), i);
      const close = long ? quote.repeat(3) : quote;
      let j = i + close.length;
      for (; j < n; j++) {
        const d = text[j]!;
        if (d === "\\") j++;
        else if (d === "\n") {
          if (!long) break;
          line++;
          lineStart = j + 1;
        } else if (text.startsWith(close, j)) break;
      }
      i = j + close.length - 1;
    } else if (c === 60 /* < */) {
      const end = text.indexOf(">", i);
      if (end < 0) break;
      const iri = text.slice(i + 1, end);
      if (/[\s"<]/.test(iri)) continue; // not an IRI: the parser reports it
      const column = i - lineStart + 1;
      if (iri === "") {
        issues.push(rdfIssue(fn, line, column, "empty IRI <> (there is no base IRI to resolve it against): write the IRI it stands for, or leave the triple out"));
      } else {
        const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(iri)?.[1];
        if (scheme !== undefined && TYPO_SCHEMES.test(scheme)) {
          const meant = /s$/i.test(scheme) ? "https" : "http";
          issues.push(rdfIssue(fn, line, column, `IRI <${iri}> has the scheme "${scheme}:", a misspelt "${meant}:": write <${meant}${iri.slice(scheme.length)}>`));
        }
      }
      i = end;
    }
  }
  return issues;
}
