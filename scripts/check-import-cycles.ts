// Fails when the TypeScript modules under a folder import each other in a circle (`npm run lint` runs it on src/),
// printing each circle as a path. Every relative import, re-export and import() counts, imports of types included
// (as madge counts them); --runtime leaves out imports of types only (`import type`, or every name marked `type`),
// which the compiled JavaScript drops. `--allow a.ts,b.ts` lets the circle among exactly those files pass while it
// lasts, and fails once they no longer form one, so that the exception is removed with the circle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Every `.ts` file below `dir`, as absolute paths in sorted order. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return tsFiles(path);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
    })
    .sort();
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The file a relative specifier names (`./x.js` is `x.ts`, a folder its `index.ts`), or undefined. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, ".ts"), base + ".ts", join(base, "index.ts")];
  return candidates.find((path) => path.endsWith(".ts") && isFile(path));
}

/** Whether an import or export declaration brings in types only (the compiled JavaScript drops it). */
function typesOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const names = node.exportClause;
    return names !== undefined && ts.isNamedExports(names) && names.elements.length > 0 && names.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const names = clause.namedBindings;
  return clause.name === undefined && names !== undefined && ts.isNamedImports(names) && names.elements.length > 0 && names.elements.every((e) => e.isTypeOnly);
}

/** The module specifiers a file imports, re-exports or loads with import(); type-only ones when `types`. */
function specifiers(file: string, types: boolean): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (types || !typesOnly(node)) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Each module's imports of other modules below `root`, by absolute path; type-only imports unless `types` is false. */
export function importGraph(root: string, types = true): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = tsFiles(root);
  const below = new Set(files);
  for (const file of files) {
    const targets = specifiers(file, types).map((specifier) => resolveImport(file, specifier));
    // Modules outside `root` (a generated one beside it) take no part in its circles.
    graph.set(file, [...new Set(targets.filter((path): path is string => path !== undefined && below.has(path)))]);
  }
  return graph;
}

/**
 * The import circles below `root`, one per strongly connected component of the import graph (Tarjan, 1972): each
 * a shortest path of files (relative to `root`) from one file back to itself, then the component's other files.
 */
export function findImportCycles(root: string, types = true): string[][] {
  const graph = importGraph(root, types);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      onStack.delete(top);
      component.push(top);
      if (top === node) break;
    }
    if (component.length === 1 && !graph.get(node)!.includes(node)) return;
    const circle = circleWithin(graph, new Set(component), node);
    cycles.push([...circle, ...component.filter((file) => !circle.includes(file)).sort()]);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles.map((cycle) => cycle.map((path) => relative(root, path)));
}

/** The text of a circle: `a -> b -> a`, plus the other files of its component. */
function describe(cycle: readonly string[]): string {
  const end = cycle.indexOf(cycle[0]!, 1);
  const rest = cycle.slice(end + 1);
  return cycle.slice(0, end + 1).join(" -> ") + (rest.length ? ` (the circle also takes in ${rest.join(", ")})` : "");
}

/** A shortest import path from `start` back to itself, staying inside one component (breadth first). */
function circleWithin(graph: Map<string, string[]>, component: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    for (const next of graph.get(node)!) {
      if (next === start) {
        const path = [start];
        for (let back = node; back !== start; back = previous.get(back)!) path.splice(1, 0, back);
        return path.concat(start);
      }
      if (component.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/**
 * The check `npm run lint` runs: what to print and whether it passes. The circle among exactly the `allow` files
 * passes while it lasts; once they no longer form one, the check fails until the exception is removed.
 */
export function checkImportCycles(root: string, options: { types?: boolean; allow?: readonly string[] } = {}): { ok: boolean; lines: string[] } {
  const allowed = new Set(options.allow ?? []);
  const where = relative(process.cwd(), root) || ".";
  const cycles = findImportCycles(root, options.types ?? true);
  const isAllowed = (cycle: string[]) => allowed.size > 0 && cycle.every((file) => allowed.has(file)) && new Set(cycle).size === allowed.size;
  const lines = cycles.map((cycle) => `${isAllowed(cycle) ? "allowed " : ""}import circle: ${describe(cycle)}`);
  if (allowed.size > 0 && !cycles.some(isAllowed)) {
    return { ok: false, lines: [...lines, `--allow ${[...allowed].join(",")}: these files no longer form an import circle. Remove the --allow.`] };
  }
  const failing = cycles.filter((cycle) => !isAllowed(cycle)).length;
  if (failing > 0) return { ok: false, lines: [...lines, `${failing} import circle(s) in ${where}. Move what both sides need into a module of its own.`] };
  return { ok: true, lines: [...lines, `No import circle in ${where}${allowed.size > 0 ? " besides the one allowed" : ""}.`] };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--allow");
  const root = resolve(args.find((a, i) => !a.startsWith("--") && (at < 0 || i !== at + 1)) ?? "src");
  const { ok, lines } = checkImportCycles(root, { types: !args.includes("--runtime"), allow: at >= 0 ? args[at + 1]!.split(",") : [] });
  (ok ? console.log : console.error)(lines.join("\n"));
  process.exitCode = ok ? 0 : 1;
}
