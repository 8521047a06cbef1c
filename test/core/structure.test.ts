// The core's shape, checked: it runs in a browser (no `node:*`, no Node built-in, no Prism, nothing of
// the adapters), the modules import one another without a cycle, and no function of it is long.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/contract.js';

const SRC = path.join(projectRoot, 'src');
/** The only packages the core may load: made for the browser too. */
const CORE_PACKAGES = ['negotiator'];
const MAX_FUNCTION_LINES = 60;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Import {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(statement) ? Boolean(statement.importClause?.isTypeOnly) : statement.isTypeOnly;
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    }
  }
  ts.forEachChild(source, function visit(node) {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  });
  return found;
}

const resolveLocal = (from: string, specifier: string) => path.resolve(path.dirname(from), specifier.replace(/\.js$/, '.ts'));
const relative = (file: string) => path.relative(projectRoot, file);

describe('src/core', () => {
  const coreFiles = sourceFiles(path.join(SRC, 'core'));

  it('imports no node:* module, no Node built-in, no Prism and no adapter: it runs in a browser', () => {
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const file of coreFiles) {
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = resolveLocal(file, specifier);
          const inCore = target.startsWith(path.join(SRC, 'core') + path.sep);
          // The generated types are erased at build time; the generated code is not the core's to load.
          const generatedTypes = relative(target) === path.join('generated', 'types.ts') && typeOnly;
          if (!inCore && !generatedTypes) problems.push(`${relative(file)} imports ${specifier}`);
        } else if (specifier.startsWith('node:') || builtins.has(specifier) || !CORE_PACKAGES.includes(specifier)) {
          problems.push(`${relative(file)} imports ${specifier}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of coreFiles) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      ts.forEachChild(source, function visit(node) {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          // A function that only holds others (createMock's closure) is measured by those others.
          const nested = ts.isBlock(node.body) ? node.body.statements.filter((statement) => ts.isFunctionDeclaration(statement)) : [];
          const ownLines = end - start + 1 - nested.reduce((sum, inner) => sum + source.getLineAndCharacterOfPosition(inner.getEnd()).line - source.getLineAndCharacterOfPosition(inner.getStart()).line + 1, 0);
          if (ownLines > MAX_FUNCTION_LINES) long.push(`${relative(file)}:${start + 1} (${ownLines} lines)`);
        }
        ts.forEachChild(node, visit);
      });
    }
    expect(long).toEqual([]);
  });
});

describe('src', () => {
  it('has no import cycle', () => {
    const files = sourceFiles(SRC);
    const edges = new Map(files.map((file) => [file, importsOf(file).filter(({ specifier, typeOnly }) => specifier.startsWith('.') && !typeOnly).map(({ specifier }) => resolveLocal(file, specifier))]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(relative).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of edges.get(file) ?? []) if (edges.has(next)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
