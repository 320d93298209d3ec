/**
 * Numbers for people come from src/engine/format.ts only. Checked on the syntax tree (not the text),
 * so comments and ordinary strings cannot trip it: outside format.ts no code may call toFixed or
 * toLocaleString, use Intl.NumberFormat, or build a template literal that puts `%` or ` pp` right
 * after a number it interpolates, or `$` right before one.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', 'src');
const FORMAT = path.join(SRC, 'engine', 'format.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Each place in the code that formats a number for people by hand, as "line: what". */
function handFormatting(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      if (name === 'toFixed' || name === 'toLocaleString') at(node, `.${name}`);
      if (name === 'NumberFormat' && ts.isIdentifier(node.expression) && node.expression.text === 'Intl') at(node, 'Intl.NumberFormat');
    }
    if (ts.isTemplateExpression(node)) {
      const before = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      node.templateSpans.forEach((span, i) => {
        const after = span.literal.text;
        if (after.startsWith('%')) at(span, '`${…}%`');
        if (/^ pp\b/.test(after)) at(span, '`${…} pp`');
        if (before[i].endsWith('$')) at(span, '`$${…}`');
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('numbers for people come from the engine’s format module', () => {
  it('finds each kind of hand formatting, and not in comments or plain strings', () => {
    const sample = [
      'const a = (x * 100).toFixed(1);',
      "const b = new Intl.NumberFormat('en-US');",
      'const c = n.toLocaleString();',
      'const d = `${x * 100}%`;',
      'const e = `drift ${p} pp`;',
      'const f = `cost $${m}`;',
      '// (x * 100).toFixed(2) and `${x}%` in a comment',
      "const g = 'toFixed %, pp, $';",
      'const h = `${label} (pp) ${n} ppm $ ${x}`;',
    ].join('\n');
    expect(handFormatting('sample.ts', sample)).toEqual([
      '1: .toFixed',
      '2: Intl.NumberFormat',
      '3: .toLocaleString',
      '4: `${…}%`',
      '5: `${…} pp`',
      '6: `$${…}`',
    ]);
  });

  const files = sourceFiles(SRC).filter((f) => f !== FORMAT);
  it('checks the whole source tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(fs.existsSync(FORMAT)).toBe(true);
  });

  it.each(files.map((f) => [path.relative(SRC, f), f]))('%s formats no number by hand', (_name, file) => {
    expect(handFormatting(file, fs.readFileSync(file, 'utf8'))).toEqual([]);
  });
});
