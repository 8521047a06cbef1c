// Splits Ajv's standalone code (one module for every check) into one module per owner: each
// top-level declaration goes to the one owner whose checks reach it, or to `shared` when several
// owners' do, and each module imports from `shared` what it uses of it. No declaration is written twice.
import ts from 'typescript';

export const SHARED = 'shared';

export interface SplitModule {
  /** The module's declarations, in Ajv's order. */
  code: string;
  /** Names it uses from the shared module: its own checks placed there included. */
  imports: string[];
  /** Names other modules use from it (only the shared module has any). */
  exports: string[];
}

interface Declaration {
  names: string[];
  statements: ts.Statement[];
  uses: Set<string>;
}

/** The names a top-level statement declares, or for `validate12.evaluated = ...` the name it belongs to. */
function declaredNames(statement: ts.Statement): { names: string[]; attachedTo?: string } {
  if (ts.isFunctionDeclaration(statement) && statement.name) return { names: [statement.name.text] };
  if (ts.isVariableStatement(statement)) {
    return { names: statement.declarationList.declarations.map((declaration) => (declaration.name as ts.Identifier).text) };
  }
  if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
    let target: ts.Expression = statement.expression.left;
    while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
    if (ts.isIdentifier(target)) return { names: [], attachedTo: target.text };
  }
  throw new Error(`Unexpected top-level statement in Ajv's standalone code: ${statement.getText().slice(0, 120)}`);
}

/** Identifiers of `names` that `node` refers to (not property names, not object keys). */
function referencedNames(node: ts.Node, names: Set<string>, found = new Set<string>()): Set<string> {
  if (ts.isIdentifier(node) && names.has(node.text)) {
    const parent = node.parent;
    const isPropertyName =
      (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
    if (!isPropertyName) found.add(node.text);
  }
  node.forEachChild((child) => {
    referencedNames(child, names, found);
  });
  return found;
}

/**
 * The declaration as one statement. A function that Ajv gives properties after declaring it
 * (`validate12.evaluated = {...}`) becomes one pure expression, so that bundlers drop it with the
 * rest when nothing uses it: a top-level assignment would count as a side effect and keep it.
 */
function declarationText(declaration: Declaration, file: ts.SourceFile): string {
  const [first, ...assignments] = declaration.statements;
  if (assignments.length === 0) return first.getText(file);
  if (!ts.isFunctionDeclaration(first)) throw new Error(`Ajv's standalone code assigns to ${declaration.names.join(', ')}, which is not a function.`);
  const properties = assignments.map((statement) => {
    const assignment = (statement as ts.ExpressionStatement).expression as ts.BinaryExpression;
    if (!ts.isPropertyAccessExpression(assignment.left) || !ts.isIdentifier(assignment.left.expression)) {
      throw new Error(`Unexpected assignment in Ajv's standalone code: ${statement.getText(file).slice(0, 120)}`);
    }
    return `${assignment.left.name.text}: ${assignment.right.getText(file)}`;
  });
  return `const ${first.name!.text} = /* @__PURE__ */ Object.assign(${first.getText(file)}, { ${properties.join(', ')} });`;
}

/**
 * `code`: Ajv's standalone ES module, its checks' `export const` lines removed. `roots`: the
 * function name of each check and the owners that use it. Returns the code of each owner, `shared` included.
 */
export function splitByOwner(code: string, roots: Map<string, Set<string>>): Map<string, SplitModule> {
  const file = ts.createSourceFile('standalone.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const declarations: Declaration[] = [];
  const byName = new Map<string, Declaration>();
  for (const statement of file.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) continue; // "use strict"
    const { names, attachedTo } = declaredNames(statement);
    const owner = attachedTo === undefined ? undefined : byName.get(attachedTo);
    if (attachedTo !== undefined && !owner) throw new Error(`Ajv's standalone code assigns to ${attachedTo} before declaring it.`);
    const declaration = owner ?? { names, statements: [], uses: new Set<string>() };
    declaration.statements.push(statement);
    if (!owner) {
      declarations.push(declaration);
      for (const name of names) byName.set(name, declaration);
    }
  }
  const topLevel = new Set(byName.keys());
  for (const declaration of declarations) {
    for (const statement of declaration.statements) referencedNames(statement, topLevel, declaration.uses);
  }

  // Who reaches each declaration, from the checks each owner exports.
  const reachedBy = new Map<Declaration, Set<string>>();
  for (const [name, owners] of roots) {
    const root = byName.get(name);
    if (!root) throw new Error(`No check named ${name} in Ajv's standalone code.`);
    const pending = [root];
    while (pending.length > 0) {
      const declaration = pending.pop()!;
      const reached = reachedBy.get(declaration) ?? new Set<string>();
      const before = reached.size;
      for (const owner of owners) reached.add(owner);
      reachedBy.set(declaration, reached);
      if (reached.size === before && before > 0) continue;
      for (const used of declaration.uses) pending.push(byName.get(used)!);
    }
  }
  const ownerOf = (declaration: Declaration): string => {
    const owners = reachedBy.get(declaration)!;
    return owners.size === 1 ? [...owners][0] : SHARED;
  };

  const modules = new Map<string, { statements: string[]; imports: Set<string>; exports: Set<string> }>();
  const moduleOf = (owner: string) => {
    if (!modules.has(owner)) modules.set(owner, { statements: [], imports: new Set(), exports: new Set() });
    return modules.get(owner)!;
  };
  moduleOf(SHARED);
  const use = (owner: string, name: string) => {
    const usedOwner = ownerOf(byName.get(name)!);
    if (usedOwner === owner) return;
    // A declaration reached by several owners reaches only declarations they all reach: shared ones.
    if (usedOwner !== SHARED) throw new Error(`${owner} uses ${name} of ${usedOwner}.`);
    moduleOf(owner).imports.add(name);
    moduleOf(SHARED).exports.add(name);
  };
  // Ajv declares the schema of every function it compiles, also where no code reads it: dropped.
  for (const declaration of declarations.filter((candidate) => reachedBy.has(candidate))) {
    const owner = ownerOf(declaration);
    moduleOf(owner).statements.push(declarationText(declaration, file));
    for (const used of declaration.uses) use(owner, used);
  }
  // Each owner's own checks, wherever they were placed.
  for (const [name, owners] of roots) for (const owner of owners) use(owner, name);
  return new Map(
    [...modules].map(([owner, module]) => [
      owner,
      { code: module.statements.join('\n'), imports: [...module.imports].sort(), exports: [...module.exports].sort() },
    ]),
  );
}
