/**
 * Reads @types/office-js's Excel namespace: each class's and member's requirement set (the first `[Api set: …]`
 * version its JSDoc names) and the Excel class a navigation member leads to. The fake Excel's table
 * (tests/fake-excel/excel-api-sets.json) is checked against it. A version qualified alone
 * (`[Api set: ExcelApi 1.7 for password]`) is left out: the member needs less without that argument, which the fake
 * checks itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { compareVersions } from '../fake-excel/context';

const TYPINGS = path.resolve(__dirname, '..', '..', 'node_modules', '@types', 'office-js', 'index.d.ts');
const API_SET_TAG = /\[Api set:\s*ExcelApi\s+(\d+(?:\.\d+)*)/;

export interface ExcelApiTable {
  /** `Class` or `Class.member` → ExcelApi version, for those above 1.1 (every host has 1.1). */
  versions: Record<string, string>;
  /** `Class.member` → the listed class it returns (`Worksheet.pageLayout` → `PageLayout`). */
  types: Record<string, string>;
}

/** A tag whose only version is qualified (`[Api set: ExcelApi 1.7 for password]`): the member itself needs less. */
const QUALIFIED_ONLY = /\[Api set:\s*ExcelApi\s+[\d.]+\s+for\s[^\]\d]*\]/;

function versionOf(node: ts.Node, text: string): string | null {
  const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  for (const comment of [...comments].reverse()) {
    const body = text.slice(comment.pos, comment.end);
    const match = API_SET_TAG.exec(body);
    if (match) return QUALIFIED_ONLY.test(body) ? null : match[1];
  }
  return null;
}

/** The top-level `declare namespace Excel` blocks (not Excel.Interfaces). */
function excelNamespaces(source: ts.SourceFile): ts.ModuleBlock[] {
  return source.statements
    .filter(
      (s): s is ts.ModuleDeclaration & { body: ts.ModuleBlock } =>
        ts.isModuleDeclaration(s) && s.name.getText(source) === 'Excel' && !!s.body && ts.isModuleBlock(s.body),
    )
    .map((s) => s.body);
}

export function excelApiTable(classNames: readonly string[]): ExcelApiTable {
  const text = fs.readFileSync(TYPINGS, 'utf8');
  const source = ts.createSourceFile(TYPINGS, text, ts.ScriptTarget.Latest, true);
  const listed = new Set(classNames);
  const lowest = new Map<string, string>();
  const types: Record<string, string> = {};
  const note = (key: string, version: string | null) => {
    const known = lowest.get(key);
    // Overloads: the lowest version any of them needs (the others differ by their arguments only).
    if (version && (!known || compareVersions(version, known) < 0)) lowest.set(key, version);
  };
  for (const block of excelNamespaces(source)) {
    for (const statement of block.statements) {
      if (!(ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) || !statement.name) continue;
      const className = statement.name.text;
      if (!listed.has(className)) continue;
      note(className, versionOf(statement, text));
      for (const member of statement.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : null;
        // Events are not modelled by the fake; load, set, toJSON… are every object's.
        if (!name || /^on[A-Z]/.test(name) || ['load', 'toJSON', 'set', 'context', 'track', 'untrack'].includes(name))
          continue;
        note(`${className}.${name}`, versionOf(member, text));
        if (ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) {
          const type = member.type?.getText(source).replace(/^Excel\./, '');
          if (type && listed.has(type)) types[`${className}.${name}`] = type;
        }
      }
    }
  }
  const versions = Object.fromEntries([...lowest].filter(([, version]) => compareVersions(version, '1.1') > 0));
  return { versions, types };
}

/**
 * The string values of Excel enums as @types/office-js declares them (`enum PageOrientation { portrait =
 * "Portrait", … }`), in declaration order: the values the reference documents for the members typed with them.
 */
export function excelEnumValues(enumNames: readonly string[]): Record<string, string[]> {
  const source = typingsSource();
  const wanted = new Set(enumNames);
  const found: Record<string, string[]> = {};
  for (const block of excelNamespaces(source))
    for (const statement of block.statements)
      if (ts.isEnumDeclaration(statement) && wanted.has(statement.name.text))
        found[statement.name.text] = statement.members.flatMap((member) =>
          member.initializer && ts.isStringLiteral(member.initializer) ? [member.initializer.text] : [],
        );
  return found;
}

/**
 * How @types/office-js declares a member of an Excel class or interface: its type's text for a property
 * (`Excel.PageOrientation | "Portrait" | "Landscape"`), its parameters' types for a method (the first overload:
 * `(Excel.ChartType, Range, Excel.ChartSeriesBy)`), null when there is no such member.
 */
export function excelMemberType(className: string, memberName: string): string | null {
  const source = typingsSource();
  for (const block of excelNamespaces(source))
    for (const statement of block.statements) {
      if (!(ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement))) continue;
      if (statement.name?.text !== className) continue;
      for (const member of statement.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        if (!member.name || !ts.isIdentifier(member.name) || member.name.text !== memberName) continue;
        if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member))
          return `(${member.parameters.map((parameter) => parameter.type?.getText(source) ?? 'any').join(', ')})`;
        if ((ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) && member.type)
          return member.type.getText(source);
      }
    }
  return null;
}

let parsedTypings: ts.SourceFile | undefined;
function typingsSource(): ts.SourceFile {
  parsedTypings ??= ts.createSourceFile(TYPINGS, fs.readFileSync(TYPINGS, 'utf8'), ts.ScriptTarget.Latest, true);
  return parsedTypings;
}
