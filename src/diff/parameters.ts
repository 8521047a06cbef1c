// Compares an operation's parameters: paired by location and name (path parameters by position when
// only their names changed), then their required flag, serialization, schema and words.
import { followRefs, type Operation, type Parameter } from '../core/contract.js';
import { fragment, valueAtFragment } from '../core/json-pointer.js';
import { sameJson } from './same-schema.js';
import { compareSchemas, compareAnnotations } from './schemas.js';
import { messageScope, reportOfKind, type OperationContext } from './scope.js';
import type { WrittenKeyword } from './schema-view.js';

type Json = any;

/** A path template with its parameter names left out: `/rules/{id}` and `/rules/{rule_id}` are one path to a client. */
export function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/**
 * The Parameter Object the walker read `parameter` from (the operation's own first, then its path
 * item's): where it is listed, and where it is defined once references are followed.
 */
function written(document: Json, operation: Operation, parameter: Parameter): { listed: string; pointer: string; value: Json } {
  const item = operation.pointer.slice(0, operation.pointer.lastIndexOf('/'));
  for (const base of [operation.pointer, item]) {
    const list = valueAtFragment(document, fragment(base, 'parameters'));
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const listed = fragment(base, 'parameters', index);
      const found = followRefs(document, listed);
      if (found.value?.name === parameter.name && found.value?.in === parameter.in) return { listed, ...found };
    }
  }
  throw new Error(`${operation.pointer}: parameter ${parameter.in} ${parameter.name} not found`);
}

function keyOf(operation: Operation, parameter: Parameter, byPosition: boolean): string {
  if (parameter.in === 'path' && byPosition) {
    const names = [...operation.path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
    return `path#${names.indexOf(parameter.name)}`;
  }
  return `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
}

const SERIALIZATION = ['style', 'explode', 'allowReserved', 'allowEmptyValue', 'content'] as const;
const WORDS = ['description', 'deprecated', 'example', 'examples'] as const;

const wordsOf = (parameter: { pointer: string; value: Json }): WrittenKeyword[] =>
  WORDS.filter((keyword) => parameter.value[keyword] !== undefined).map((keyword) => ({ keyword, value: parameter.value[keyword], pointer: fragment(parameter.pointer, keyword) }));

export function compareParameters(context: OperationContext, base: Operation, head: Operation): void {
  const { documents } = context;
  const byPosition = pathShape(base.path) === pathShape(head.path);
  const before = new Map(base.parameters.map((parameter) => [keyOf(base, parameter, byPosition), parameter]));
  const after = new Map(head.parameters.map((parameter) => [keyOf(head, parameter, byPosition), parameter]));
  const label = (parameter: Parameter) => `${parameter.in} parameter ${parameter.name}`;
  for (const [key, was] of before) {
    if (after.has(key)) continue;
    reportOfKind(context, 'breaking', 'parameter-removed', 'base', written(documents.base, base, was).listed, `${label(was)} removed (the server no longer reads it)`);
  }
  for (const [key, now] of after) {
    const was = before.get(key);
    const nowWritten = written(documents.head, head, now);
    if (!was) {
      if (now.required) reportOfKind(context, 'breaking', 'parameter-added', 'head', nowWritten.listed, `new required ${label(now)}`);
      else reportOfKind(context, 'compatible', 'parameter-added', 'head', nowWritten.listed, `new optional ${label(now)}`);
      continue;
    }
    const wasWritten = written(documents.base, base, was);
    if (was.name !== now.name) {
      reportOfKind(context, 'compatible', 'parameter-renamed', 'head', fragment(nowWritten.pointer, 'name'), `path parameter {${was.name}} renamed to {${now.name}} (it is filled in by position)`);
    }
    if (!was.required && now.required) reportOfKind(context, 'breaking', 'parameter-required', 'head', fragment(nowWritten.pointer, 'required'), `${label(now)} is now required`);
    if (was.required && !now.required) reportOfKind(context, 'compatible', 'parameter-required', 'base', fragment(wasWritten.pointer, 'required'), `${label(now)} is now optional`);
    for (const keyword of SERIALIZATION) {
      if (sameJson(wasWritten.value[keyword], nowWritten.value[keyword])) continue;
      const [side, pointer] = nowWritten.value[keyword] !== undefined ? (['head', fragment(nowWritten.pointer, keyword)] as const) : (['base', fragment(wasWritten.pointer, keyword)] as const);
      reportOfKind(context, 'breaking', 'parameter-serialization', side, pointer, `${label(now)}: ${keyword} changed, so clients must send it another way`);
    }
    const scope = messageScope(context, 'request', label(now));
    if (was.schema && now.schema) compareSchemas(scope, [was.schema], [now.schema]);
    compareAnnotations(scope, wordsOf(wasWritten), wordsOf(nowWritten));
  }
}
