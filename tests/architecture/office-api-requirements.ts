/**
 * Finds the Office.js members a source tree uses above the manifest's minimum requirement set without the matching
 * `isSetSupported` guard. The TypeScript checker resolves every property access, call and object-literal property
 * to its declaration in @types/office-js, whose JSDoc says `[Api set: ExcelApi 1.x]`.
 *
 * What counts as a guard (kept simple on purpose, so that a reader sees at once why a use is allowed):
 * - a condition `Office.context.requirements.isSetSupported('ExcelApi', '1.x')` (any call named `isSetSupported`
 *   with literal arguments), or a read of a property of `ExcelCapabilities` (src/excel/requirements.ts), whose set
 *   and version are read from `detectCapabilities`' object literal (`supports('1.10')`, `supportsSet(name, v)`);
 * - the use sits in the branch where that condition holds: the `then` of `if (c)`, the `else` of `if (!c)`, the
 *   right of `c && …`, the matching side of `c ? … : …`, or the statements after `if (!c) return|throw|continue|break`
 *   in the same block; `!`, `&&`, `||` and parentheses combine as in logic;
 * - a function written inside such a branch counts as guarded (the writer queues callbacks there).
 * A member's set is the first one its tag names (`ExcelApi 1.1 for get, 1.8 for set` is 1.1). Sets of other hosts
 * (Word, Outlook…) and of the common API are not Excel's and are ignored; `ExcelApiDesktop`, `ExcelApiOnline` and
 * any other Excel set always need their own guard.
 */
import * as path from 'path';
import * as ts from 'typescript';
import { compareVersions } from '../fake-excel/context';

export interface Requirement {
  set: string;
  version: string;
}

export interface UnguardedUse {
  file: string;
  line: number;
  member: string;
  requirement: Requirement;
  text: string;
}

export const repoRoot = path.resolve(__dirname, '..', '..');

const API_SET_TAG = /\[Api set:\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*)/;

/** The requirement set a declaration's JSDoc names, or null (no tag, or not an Excel set). */
export function requirementOfDeclaration(declaration: ts.Node): Requirement | null {
  const text = declaration.getSourceFile().text;
  const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  for (const comment of comments.reverse()) {
    const match = API_SET_TAG.exec(text.slice(comment.pos, comment.end));
    if (match) return match[1].startsWith('ExcelApi') ? { set: match[1], version: match[2] } : null;
  }
  return null;
}

/** The manifest's minimum ExcelApi version (`<Set Name="ExcelApi" MinVersion="1.8"/>`). */
export function manifestMinimum(manifestXml: string): Requirement {
  const match = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(manifestXml);
  if (!match) throw new Error('The manifest declares no ExcelApi requirement set.');
  return { set: 'ExcelApi', version: match[1] };
}

function isAbove(requirement: Requirement, minimum: Requirement): boolean {
  if (requirement.set !== minimum.set) return true;
  return compareVersions(requirement.version, minimum.version) > 0;
}

function satisfies(guard: Requirement, requirement: Requirement): boolean {
  return guard.set === requirement.set && compareVersions(guard.version, requirement.version) >= 0;
}

const isOfficeTypings = (node: ts.Node) => /[\\/]@types[\\/]office-js[\\/]/.test(node.getSourceFile().fileName);

/** `detectCapabilities`' object literal: each capability's set, from `supports('1.10')` or `supportsSet(n, v)`. */
function capabilityRequirements(program: ts.Program): Map<string, Requirement> {
  const found = new Map<string, Requirement>();
  const file = program.getSourceFile(path.join(repoRoot, 'src', 'excel', 'requirements.ts'));
  if (!file) return found;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === 'detectCapabilities') {
      node.forEachChild(function findReturn(child: ts.Node): void {
        if (ts.isReturnStatement(child) && child.expression && ts.isObjectLiteralExpression(child.expression)) {
          for (const property of child.expression.properties) {
            if (!ts.isPropertyAssignment(property) || !ts.isCallExpression(property.initializer)) continue;
            const args = property.initializer.arguments.filter(ts.isStringLiteral).map((a) => a.text);
            const requirement =
              args.length === 1 ? { set: 'ExcelApi', version: args[0] } : { set: args[0], version: args[1] };
            if (args.length > 0) found.set(property.name.getText(), requirement);
          }
        }
        if (!ts.isFunctionLike(child)) child.forEachChild(findReturn);
      });
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

interface GuardFacts {
  whenTrue: Requirement[];
  whenFalse: Requirement[];
}

const NO_FACTS: GuardFacts = { whenTrue: [], whenFalse: [] };

function guardFacts(expression: ts.Expression, checker: ts.TypeChecker, capabilities: Map<string, Requirement>) {
  const facts = (e: ts.Expression): GuardFacts => {
    if (ts.isParenthesizedExpression(e)) return facts(e.expression);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
      const inner = facts(e.operand);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    if (ts.isBinaryExpression(e)) {
      const left = facts(e.left);
      const right = facts(e.right);
      if (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
        return { whenTrue: [...left.whenTrue, ...right.whenTrue], whenFalse: [] };
      if (e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
        return { whenTrue: [], whenFalse: [...left.whenFalse, ...right.whenFalse] };
      return NO_FACTS;
    }
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      const args = e.arguments.filter(ts.isStringLiteral).map((a) => a.text);
      if (name === 'isSetSupported' && args.length === 2)
        return { whenTrue: [{ set: args[0], version: args[1] }], whenFalse: [] };
      return NO_FACTS;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const declaration = checker.getSymbolAtLocation(e.name)?.declarations?.[0];
      const owner = declaration?.parent;
      if (owner && ts.isInterfaceDeclaration(owner) && owner.name.text === 'ExcelCapabilities') {
        const requirement = capabilities.get(e.name.text);
        if (requirement) return { whenTrue: [requirement], whenFalse: [] };
      }
    }
    return NO_FACTS;
  };
  return facts(expression);
}

/** `if (!c) return;` and the like: a statement after which the rest of the block runs only when `c` is false. */
function exitsWhenTrue(statement: ts.Statement): ts.Expression | null {
  if (!ts.isIfStatement(statement) || statement.elseStatement) return null;
  const body = ts.isBlock(statement.thenStatement)
    ? statement.thenStatement.statements[statement.thenStatement.statements.length - 1]
    : statement.thenStatement;
  const exits =
    body &&
    (ts.isReturnStatement(body) ||
      ts.isThrowStatement(body) ||
      ts.isContinueStatement(body) ||
      ts.isBreakStatement(body));
  return exits ? statement.expression : null;
}

/** The sets guaranteed where `node` runs, from the conditions around it. */
function guardsAround(node: ts.Node, checker: ts.TypeChecker, capabilities: Map<string, Requirement>) {
  const guards: Requirement[] = [];
  const facts = (e: ts.Expression) => guardFacts(e, checker, capabilities);
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) guards.push(...facts(parent.expression).whenTrue);
      if (child === parent.elseStatement) guards.push(...facts(parent.expression).whenFalse);
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) guards.push(...facts(parent.condition).whenTrue);
      if (child === parent.whenFalse) guards.push(...facts(parent.condition).whenFalse);
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
        guards.push(...facts(parent.left).whenTrue);
      if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) guards.push(...facts(parent.left).whenFalse);
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        const condition = exitsWhenTrue(statement);
        if (condition) guards.push(...facts(condition).whenFalse);
      }
    }
  }
  return guards;
}

/** The declarations a node names: a call's resolved overload, else its symbol's declarations. */
function declarationsOf(node: ts.Node, checker: ts.TypeChecker): readonly ts.Node[] {
  if (ts.isPropertyAccessExpression(node)) {
    const call = node.parent;
    if (ts.isCallExpression(call) && call.expression === node) {
      const declaration = checker.getResolvedSignature(call)?.declaration;
      if (declaration) return [declaration];
    }
    return checker.getSymbolAtLocation(node.name)?.declarations ?? [];
  }
  if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name)) {
    const type = checker.getContextualType(node.parent as ts.ObjectLiteralExpression);
    const property = type?.getNonNullableType().getProperty(node.name.text);
    return property?.declarations ?? [];
  }
  return [];
}

function memberName(declaration: ts.Node): string {
  const name = (declaration as ts.NamedDeclaration).name?.getText() ?? '?';
  const owner = declaration.parent as ts.NamedDeclaration | undefined;
  const ownerName = owner?.name?.getText();
  return ownerName ? `${ownerName}.${name}` : name;
}

export interface RequirementUses {
  /** Uses above the minimum that no guard covers. */
  unguarded: UnguardedUse[];
  /** Uses above the minimum behind their guard. */
  guarded: UnguardedUse[];
}

/** Every use in `files` of an Office.js member above `minimum`, guarded or not (one program for all files). */
export function findRequirementUses(files: string[], minimum: Requirement): RequirementUses {
  const config = ts.readConfigFile(path.join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const roots = [...files, path.join(repoRoot, 'src', 'excel', 'requirements.ts')];
  const program = ts.createProgram(roots, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const capabilities = capabilityRequirements(program);
  const uses: RequirementUses = { unguarded: [], guarded: [] };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`Not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      for (const declaration of declarationsOf(node, checker)) {
        if (!isOfficeTypings(declaration)) continue;
        const requirement = requirementOfDeclaration(declaration);
        if (!requirement || !isAbove(requirement, minimum)) continue;
        const guards = guardsAround(node, checker, capabilities);
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        uses[guards.some((guard) => satisfies(guard, requirement)) ? 'guarded' : 'unguarded'].push({
          file: path.relative(repoRoot, file),
          line,
          member: memberName(declaration),
          requirement,
          text: node.getText().slice(0, 80),
        });
        break;
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return uses;
}

export const describeUse = (u: UnguardedUse) =>
  `${u.file}:${u.line} ${u.member} needs ${u.requirement.set} ${u.requirement.version}: ${u.text}`;
