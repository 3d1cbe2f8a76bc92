import type { FakeExcel } from './index';
import { FakeClientObject, FakeClientResult, FakeCollection } from './proxy';

/**
 * The fake Excel behind Office.js's own runtime: answers the RichApi requests that `excel-web-16.00.js` builds
 * (`{Actions, ObjectPaths}`, sent by its HttpRequestExecutor) by replaying them on the fake, one fake sync per
 * request, and writing the answer as the runtime reads it (`{Results: [{ActionId, Value}]}`, PascalCase names,
 * collection items under `_Items`: the runtime's `_handleResult`, `CommonConstants.items`). So the add-in's code
 * runs on the real runtime, which serialises every request itself, while the fake keeps the workbook and computes
 * the values the loads bring back.
 *
 * Wire format, as read in the runtime (excel-web-16.00.debug.js): ObjectPathType 1 global (the workbook),
 * 3 method, 4 property, 5 indexer (`getItem`); ActionType 1 Instantiate, 2 Query (`QueryInfo.Select`), 3 Method,
 * 4 SetProperty. Argument object paths are given by `ArgumentInfo.ReferencedObjectPathIds`. An Instantiate answered
 * with null makes the proxy a null object (`InstantiateActionResultHandler` → `_handleIdResult`); one answered with
 * `{Id}` is referred to by that id in later requests. Not modelled: the `_ReferenceId` Excel gives a kept Range
 * (later requests would name it by that id instead of its path; the add-in uses its ranges within one request).
 */

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RichApiRequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

interface ActionResult {
  ActionId: number;
  Value: unknown;
}

type AnyObject = Record<string, unknown>;

/** Runtime names are PascalCase (`GetRangeByIndexes`, `NumberFormat`); the fake's, as the typings, camelCase. */
const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** The runtime fills omitted optional arguments with null; the fake's methods expect them left out. */
function withoutTrailingNulls(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && (args[end - 1] === null || args[end - 1] === undefined)) end -= 1;
  return args.slice(0, end);
}

/**
 * The answer a query gets: the selected properties of the object (of each item for a collection). A path through a
 * navigation property (`format/protection/locked`) is answered under its name, a collection's items under `_Items`
 * there too (`areas/rowIndex`, the runtime's reading of `load('areas/items/rowIndex')`: `{Areas: {_Items: [...]}}`).
 */
function queryValue(target: unknown, select: string[]): unknown {
  if (target instanceof FakeCollection) {
    const items = (target as unknown as { items: unknown[] }).items;
    return { _Items: items.map((item) => queryValue(item, select)) };
  }
  if (target === undefined || target === null) return null;
  if (target instanceof FakeClientObject && target.isNullObject) return null;
  const value: AnyObject = {};
  const below = new Map<string, string[]>();
  for (const path of select) {
    const [name, ...rest] = path.split('/');
    if (rest.length === 0) value[pascal(name)] = plain((target as AnyObject)[name]);
    else below.set(name, [...(below.get(name) ?? []), rest.join('/')]);
  }
  for (const [name, paths] of below) value[pascal(name)] = queryValue((target as AnyObject)[name], paths);
  return value;
}

/** A loaded value as JSON carries it (the fake's proxies hold plain data already). */
const plain = (value: unknown): unknown => (value === undefined ? null : value);

export interface RichApiExchange {
  request: RichApiRequestBody;
  response: { Results: ActionResult[] } | { Error: { Code: string; Message: string; Location?: string } };
}

/** Replays one request on `fake` and gives the body Excel would answer with. */
export async function answerOnFake(fake: FakeExcel, request: RichApiRequestBody): Promise<RichApiExchange['response']> {
  const context = new (
    fake.Excel.RequestContext as unknown as new () => { workbook: unknown; sync(): Promise<void> }
  )();
  const objects = new Map<number, unknown>();
  const resolve = (id: number): unknown => {
    if (objects.has(id)) return objects.get(id);
    const path = request.ObjectPaths[String(id)];
    if (!path) throw new Error(`RichApi host: object path ${id} not in the request`);
    const made = makeObject(path);
    objects.set(id, made);
    return made;
  };
  const argumentsOf = (info: ArgumentInfo | undefined): unknown[] => {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((arg, index) => (refs[index] ? resolve(refs[index]) : arg));
  };
  const makeObject = (path: ObjectPathInfo): unknown => {
    switch (path.ObjectPathType) {
      case 1:
        return context.workbook;
      case 4:
        return (resolve(path.ParentObjectPathId!) as AnyObject)[camel(path.Name)];
      case 5:
        return call(resolve(path.ParentObjectPathId!), 'getItem', argumentsOf(path.ArgumentInfo));
      case 3:
        return call(resolve(path.ParentObjectPathId!), camel(path.Name), argumentsOf(path.ArgumentInfo));
      default:
        throw new Error(`RichApi host: object path type ${path.ObjectPathType} (${path.Name}) not modelled`);
    }
  };

  const instantiated: { action: ActionInfo; target: unknown }[] = [];
  const queries: { action: ActionInfo; target: unknown }[] = [];
  const methodResults: { action: ActionInfo; result: FakeClientResult<unknown> }[] = [];
  try {
    for (const action of request.Actions) {
      switch (action.ActionType) {
        case 1: {
          const target = resolve(action.ObjectPathId);
          instantiated.push({ action, target });
          // An object a method made (`worksheets.add()`) is valid for one request only, unless Excel answers its
          // id: the runtime then refers to it as `getItem(id)` (ObjectPath.updateUsingObjectData).
          if (request.ObjectPaths[String(action.ObjectPathId)]?.Name === 'Add' && hasId(target))
            (target as { load(select: string[]): void }).load(['id']);
          break;
        }
        case 2: {
          const target = resolve(action.ObjectPathId) as { load(select: string[]): void };
          target.load(action.QueryInfo?.Select ?? []);
          queries.push({ action, target });
          break;
        }
        case 3: {
          // Keeping a reference alive is the host's bookkeeping: nothing for the workbook.
          if (action.Name === '_KeepReference') break;
          const result = call(resolve(action.ObjectPathId), camel(action.Name), argumentsOf(action.ArgumentInfo));
          if (result instanceof FakeClientResult) methodResults.push({ action, result });
          break;
        }
        case 4:
          (resolve(action.ObjectPathId) as AnyObject)[camel(action.Name)] = argumentsOf(action.ArgumentInfo)[0];
          break;
        case 5:
          break;
        default:
          throw new Error(`RichApi host: action type ${action.ActionType} (${action.Name}) not modelled`);
      }
    }
    await context.sync();
  } catch (error) {
    const failure = error as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
    if (!failure.code) throw error;
    return {
      Error: { Code: failure.code, Message: failure.message ?? '', Location: failure.debugInfo?.errorLocation },
    };
  }

  const results: ActionResult[] = [];
  for (const { action, target } of instantiated) {
    // Only objects whose existence was asked (`*OrNullObject`) learn it: the others' answer carries nothing.
    const known = nullStateOf(target);
    if (known !== undefined) results.push({ ActionId: action.Id, Value: known ? null : {} });
    else if (request.ObjectPaths[String(action.ObjectPathId)]?.Name === 'Add' && hasId(target))
      results.push({ ActionId: action.Id, Value: { Id: (target as { id: string }).id } });
  }
  for (const { action, target } of queries)
    results.push({ ActionId: action.Id, Value: queryValue(target, action.QueryInfo?.Select ?? []) });
  for (const { action, result } of methodResults) results.push({ ActionId: action.Id, Value: result.value });
  results.sort((a, b) => a.ActionId - b.ActionId);
  return { Results: results };
}

function call(target: unknown, method: string, args: unknown[]): unknown {
  const fn = (target as AnyObject | undefined)?.[method];
  if (typeof fn !== 'function') throw new Error(`RichApi host: no method ${method} on the fake's object`);
  return (fn as (...a: unknown[]) => unknown).apply(target, withoutTrailingNulls(args));
}

const hasId = (target: unknown): boolean =>
  target instanceof FakeClientObject &&
  (target as unknown as { scalarProperties: readonly string[] }).scalarProperties.includes('id');

function nullStateOf(target: unknown): boolean | undefined {
  if (!(target instanceof FakeClientObject) || !(target as unknown as { orNull?: boolean }).orNull) return undefined;
  return target.isNullObject;
}
