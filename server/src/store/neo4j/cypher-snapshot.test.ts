/**
 * Every statement of every file of this folder (found by parsing them, no file is named here) is
 * pinned in __snapshots__/cypher-snapshot.test.ts.snap, by constant name: a statement that changes,
 * appears or goes away shows up in review (`npx jest server/src/store/neo4j/cypher-snapshot.test.ts -u`
 * accepts it). Cypher is any string or template that starts a clause (MATCH, MERGE, CREATE, UNWIND,
 * CALL, RETURN, …); it must be a module-level constant (or an element of one), exported when built
 * from a template with `${…}`, so that its value can be read and pinned. The rules for the
 * statements of cypher.ts and its neighbours: cypher-statements.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

import { statements } from './cypher-test-support';

/** A clause keyword at the start of the text or of one of its lines: the text is Cypher. */
const CYPHER_CLAUSE =
  /(^|\n)\s*(OPTIONAL MATCH|MATCH|MERGE|CREATE|UNWIND|CALL|RETURN|WITH|WHERE|SET|REMOVE|DETACH DELETE|DELETE|FOREACH|LOAD CSV|SHOW|DROP|EXPLAIN|PROFILE)\s/;

interface FoundStatement {
  file: string;
  line: number;
  /** The module-level constant holding it, with the index or key inside it: `NAME`, `NAME[2]`, `NAME.key`. */
  name: string;
  /** Read from the source, or null when only the module's value can tell (a template with `${…}`). */
  literal: string | null;
  constant: string;
  path: Array<string | number>;
  exported: boolean;
}

interface Scan {
  statements: FoundStatement[];
  /** Cypher the test cannot pin, with where and why. */
  unpinnable: string[];
}

/** Every .ts of this folder and below, except tests. */
function statementFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__snapshots__' ? [] : statementFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

function textOf(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('');
}

function scanFile(path: string): Scan {
  const file = relative(__dirname, path);
  const source = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const statements: FoundStatement[] = [];
  const unpinnable: string[] = [];

  function place(node: ts.Node): FoundStatement | string {
    const path: Array<string | number> = [];
    let child: ts.Node = node;
    let parent = node.parent;
    for (;;) {
      if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) {
        // transparent
      } else if (ts.isArrayLiteralExpression(parent)) {
        path.unshift(parent.elements.indexOf(child as ts.Expression));
      } else if (ts.isPropertyAssignment(parent) && parent.initializer === child) {
        path.unshift(parent.name.getText(source));
        parent = parent.parent; // the object literal
      } else if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name)) {
        const statement = parent.parent.parent;
        if (!ts.isVariableStatement(statement) || statement.parent !== source) {
          return 'built inside a function: move it to a module-level constant';
        }
        const exported = !!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        const constant = parent.name.text;
        return {
          file,
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          name: constant + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join(''),
          literal: ts.isTemplateExpression(node) ? null : (node as ts.StringLiteral).text,
          constant,
          path,
          exported,
        };
      } else {
        let inFunction = false;
        for (let n: ts.Node | undefined = parent; n; n = n.parent) if (ts.isFunctionLike(n)) inFunction = true;
        return inFunction
          ? 'built inside a function: move it to a module-level constant'
          : `built by an expression (${ts.SyntaxKind[parent.kind]}): make it one literal or template constant`;
      }
      child = parent;
      parent = parent.parent;
    }
  }

  function visit(node: ts.Node): void {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      if (CYPHER_CLAUSE.test(textOf(node))) {
        const where = `${relative(process.cwd(), path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
        const found = place(node);
        if (typeof found === 'string') unpinnable.push(`${where}: Cypher ${found}`);
        else if (found.literal === null && !found.exported) {
          unpinnable.push(
            `${where}: ${found.name} is a template with \${…} but not exported: export it so its value can be pinned`,
          );
        } else statements.push(found);
      }
      if (ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return { statements, unpinnable };
}

/** The value of a statement: its literal text, or (templates) what the module exports. */
function valueOf(found: FoundStatement, dir: string): unknown {
  if (found.literal !== null) return found.literal;
  const moduleExports = jest.requireActual<Record<string, unknown>>(join(dir, found.file));
  let value: unknown = moduleExports[found.constant];
  for (const step of found.path) value = (value as Record<string | number, unknown> | undefined)?.[step];
  return value;
}

describe('every statement file of the Neo4j adapter', () => {
  const scans = statementFiles(__dirname).map(scanFile);
  const found = scans.flatMap((scan) => scan.statements);

  test('holds its Cypher only in forms the snapshot can pin (module-level constants)', () => {
    const unpinnable = scans.flatMap((scan) => scan.unpinnable);
    if (unpinnable.length > 0) {
      throw new Error(
        `Cypher the snapshot cannot pin (server/src/store/neo4j/cypher-snapshot.test.ts):\n  ${unpinnable.join('\n  ')}`,
      );
    }
  });

  test('finds the statements of cypher.ts, cypher-writes.ts and of the files beside them', () => {
    const files = new Set(found.map((f) => f.file));
    expect(files.has('cypher.ts')).toBe(true);
    expect(files.has('cypher-writes.ts')).toBe(true);
    expect(files.size).toBeGreaterThan(5);
    expect(found.filter((f) => f.file === 'cypher.ts' || f.file === 'cypher-writes.ts').map((f) => f.name)).toEqual(
      expect.arrayContaining(statements.map(([name]) => name)),
    );
  });

  test('every statement, pinned by name (the file only where two files use the same name)', () => {
    const counts = new Map<string, number>();
    for (const f of found) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
    const pinned: Record<string, unknown> = {};
    for (const f of [...found].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const value = valueOf(f, __dirname);
      expect({ [f.name]: typeof value }).toEqual({ [f.name]: 'string' });
      pinned[counts.get(f.name) === 1 ? f.name : `${f.name} (${f.file})`] = value;
    }
    expect(pinned).toMatchSnapshot();
  });
});
