import ts from "typescript";

/**
 * Where each Swedish key may be used, read from the app's source (keyScopes.test.ts). A key in a
 * feature's part (`<feature>/messages.sv.ts`) is registered only once a module importing that
 * part has been evaluated, so a key in the wrong part would show as the bare key on some pages
 * only: the component tests, which register every part, cannot see it.
 *
 * A module "names" a key when it holds it as a string (`t("motions.title")`, a label table's
 * value, a plural base for `tp()`), or holds a template that can make it (`meetings.officer.${role}`
 * names every `meetings.officer.*` key). Comments are not read.
 */

/** The app's source files by their path under web/src ("motions/MotionPage.tsx"). */
export type Sources = ReadonlyMap<string, string>;

/** Each key's part, as the folder the part lives in ("i18n" for the core, sv.ts). */
export type KeyOwners = ReadonlyMap<string, string>;

export const corePart = "i18n";
export const partFile = (folder: string) => `${folder}/messages.sv.ts`;

interface Module {
  /** Strings held, and templates with a fixed start as patterns. */
  strings: string[];
  patterns: RegExp[];
  /** Specifiers of modules whose evaluation comes first: value imports and re-exports. */
  staticImports: string[];
  dynamicImports: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function read(path: string, source: string): Module {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const module: Module = { strings: [], patterns: [], staticImports: [], dynamicImports: [] };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnly(node.importClause)) module.staticImports.push(node.moduleSpecifier.text);
      return;
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) module.staticImports.push(node.moduleSpecifier.text);
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier && ts.isStringLiteral(specifier)) module.dynamicImports.push(specifier.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      module.strings.push(node.text);
    } else if (ts.isTemplateExpression(node) && node.head.text.includes(".")) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      module.patterns.push(new RegExp(`^${parts.map(escapeRegExp).join(".+")}$`));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return module;
}

/** `import type { A }` and `import { type A }` are erased: they evaluate nothing. */
function isTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** The path under web/src that `specifier` in `from` names, if it is one of `sources`. */
function resolve(sources: Sources, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const segments = from.split("/").slice(0, -1);
  for (const segment of specifier.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  const base = segments.join("/");
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((path) =>
    sources.has(path),
  );
}

/**
 * What is wrong with where keys are used in the modules the app can load from `entry`: a
 * feature's key named outside the feature's folder, or named by a module of the feature that
 * does not import the feature's part, directly or through the modules it imports. One line a
 * module and part.
 */
export function keyScopeProblems(sources: Sources, owners: KeyOwners, entry = "main.tsx"): string[] {
  const modules = new Map([...sources].map(([path, source]) => [path, read(path, source)]));
  const imports = (path: string, kind: "staticImports" | "dynamicImports") =>
    (modules.get(path)?.[kind] ?? []).flatMap((specifier) => resolve(sources, path, specifier) ?? []);

  const reach = (roots: string[], kinds: ("staticImports" | "dynamicImports")[]) => {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const kind of kinds) for (const next of imports(path, kind)) visit(next);
    };
    for (const root of roots) visit(root);
    return seen;
  };

  const keys = [...owners.keys()];
  const plurals = new Set(
    keys.filter((key) => key.endsWith(".one")).map((key) => key.slice(0, -".one".length)),
  );
  const named = (module: Module) => {
    const found = new Set<string>();
    const add = (text: string) => {
      if (owners.has(text)) found.add(text);
      if (plurals.has(text)) for (const form of ["one", "other"]) found.add(`${text}.${form}`);
    };
    for (const text of module.strings) add(text);
    for (const pattern of module.patterns) {
      for (const key of keys) if (pattern.test(key)) found.add(key);
      for (const base of plurals) if (pattern.test(base)) add(base);
    }
    return found;
  };

  const definitions = new Set([`${corePart}/sv.ts`, `${corePart}/en.ts`]);
  const problems: string[] = [];
  for (const path of reach([entry], ["staticImports", "dynamicImports"])) {
    const module = modules.get(path);
    if (!module || definitions.has(path) || path.endsWith("/messages.sv.ts")) continue;
    const folder = path.split("/")[0];
    const byPart = new Map<string, string[]>();
    for (const key of named(module)) {
      const owner = owners.get(key);
      if (owner && owner !== corePart) byPart.set(owner, [...(byPart.get(owner) ?? []), key]);
    }
    for (const [owner, used] of byPart) {
      const example = `"${used.sort()[0]}"${used.length > 1 ? ` and ${used.length - 1} more` : ""}`;
      if (owner !== folder) {
        problems.push(
          `${path} uses ${example} of ${partFile(owner)}: move the key to i18n/sv.ts or use it only in ${owner}/`,
        );
      } else if (!reach([path], ["staticImports"]).has(partFile(owner))) {
        problems.push(
          `${path} uses ${example} but does not import ${partFile(owner)}, directly or indirectly`,
        );
      }
    }
  }
  return problems.sort();
}
