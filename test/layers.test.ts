/** The layering rule, checked on the source: a pure engine, and adapters that use only its face. */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports (static, dynamic and require), from its syntax tree. */
function importsOf(file: string, options: { includeTypeOnly: boolean } = { includeTypeOnly: true }): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const typeOnly = (node: ts.ImportDeclaration | ts.ExportDeclaration) =>
    ts.isImportDeclaration(node) ? (node.importClause?.isTypeOnly ?? false) : node.isTypeOnly;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (options.includeTypeOnly || !typeOnly(node)) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const engineDir = path.join(SRC, 'engine');
const engineFiles = sourceFiles(engineDir);
const adapterFiles = ['functions', 'office', 'taskpane', 'cli', 'worker'].flatMap((d) => (fs.existsSync(path.join(SRC, d)) ? sourceFiles(path.join(SRC, d)) : []));

describe('layers', () => {
  it('finds the source to check', () => {
    expect(engineFiles.length).toBeGreaterThan(10);
    expect(adapterFiles.length).toBeGreaterThan(5);
    expect(importsOf(path.join(engineDir, 'index.ts')).length).toBeGreaterThan(5);
  });

  // The solver's types may be named (the planner takes an already-loaded HiGHS); its code is loaded by the
  // adapters. papaparse is pure JavaScript that runs in the browser and in Node: the import reads CSV with it.
  it.each(engineFiles.map((f) => [path.relative(SRC, f), f]))('%s imports only the engine, decimal.js and papaparse', (_name, file) => {
    for (const spec of importsOf(file, { includeTypeOnly: false })) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        expect(target.startsWith(engineDir + path.sep) || target === engineDir).toBe(true);
      } else {
        expect(spec).not.toMatch(/^(node:)?(fs|path|child_process|os)$|exceljs|react|office|@fluentui|hyperformula/);
        expect(['decimal.js', 'papaparse']).toContain(spec);
      }
    }
    for (const spec of importsOf(file)) if (!spec.startsWith('.')) expect(['decimal.js', 'highs', 'papaparse']).toContain(spec);
  });

  it.each(adapterFiles.map((f) => [path.relative(SRC, f), f]))('%s reaches the engine only through src/engine/index', (_name, file) => {
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (target === engineDir || target.startsWith(engineDir + path.sep)) {
        expect([engineDir, path.join(engineDir, 'index')]).toContain(target);
      }
    }
  });

  // A cycle means two modules can only be understood together (issue 10 broke concentration ↔ lookthrough).
  it('has no import cycle inside the engine', () => {
    const resolve = (from: string, spec: string): string | null => {
      const base = path.resolve(path.dirname(from), spec);
      for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
      return null;
    };
    const edges = new Map(engineFiles.map((f) => [f, importsOf(f).filter((s) => s.startsWith('.')).map((s) => resolve(f, s)).filter((t): t is string => t !== null)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of edges.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(engineDir, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const f of engineFiles) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
