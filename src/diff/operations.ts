// Pairs BASE's operations with HEAD's (by operationId, else by method and path) and compares each
// pair: where it lives, its service, who may call it, its parameters, its request body, its responses
// and its words.
import { followRefs, type Content, type Contract, type Operation } from '../core/contract.js';
import { fragment, valueAtFragment } from '../core/json-pointer.js';
import { SERVICE_TITLES } from '../core/services.js';
import { flip, type Direction } from './classify.js';
import { compareParameters, pathShape } from './parameters.js';
import { sameJson } from './same-schema.js';
import { compareAnnotations, compareSchemas } from './schemas.js';
import { messageScope, report, reportOfKind, type OperationContext, type SchemaScope } from './scope.js';
import { comparePermission, compareSecurity } from './security.js';
import type { WrittenKeyword } from './schema-view.js';

type Json = any;

export const label = (operation: Operation) => (operation.webhook ? `webhook ${operation.path.slice('webhook:'.length)} (${operation.method})` : `${operation.method} ${operation.path}`);

export interface OperationPairing {
  pairs: Array<{ base: Operation; head: Operation }>;
  removed: Operation[];
  added: Operation[];
}

export function pairOperations(base: Contract, head: Contract): OperationPairing {
  const byId = new Map(head.operations.map((operation) => [operation.operationId, operation]));
  const pairs: OperationPairing['pairs'] = [];
  const unpaired: Operation[] = [];
  for (const operation of base.operations) {
    const match = byId.get(operation.operationId);
    if (match) pairs.push({ base: operation, head: match });
    else unpaired.push(operation);
  }
  const paired = new Set(pairs.map((pair) => pair.head));
  let added = head.operations.filter((operation) => !paired.has(operation));
  const removed: Operation[] = [];
  for (const operation of unpaired) {
    // The same method on the same path under another operationId: the operation was renamed.
    const match = added.find((candidate) => candidate.method === operation.method && pathShape(candidate.path) === pathShape(operation.path));
    if (match) {
      pairs.push({ base: operation, head: match });
      added = added.filter((candidate) => candidate !== match);
    } else {
      removed.push(operation);
    }
  }
  return { pairs, removed, added };
}

const definition = (document: Json, operation: Operation): Json => followRefs(document, operation.pointer).value;

/** A webhook's payload is sent by the service and read by the client; its answer the other way round. */
const requestDirection = (operation: Operation): Direction => (operation.webhook ? 'response' : 'request');

export function compareOperation(context: OperationContext, base: Operation, head: Operation): void {
  if (base.operationId !== head.operationId) {
    reportOfKind(context, 'breaking', 'operation-renamed', 'head', fragment(head.pointer, 'operationId'),
      `operationId renamed from ${base.operationId} to ${head.operationId} (${label(head)}): code that names the operation (generated clients, validateRequest) must change`);
  }
  if (base.method !== head.method || pathShape(base.path) !== pathShape(head.path)) {
    reportOfKind(context, 'breaking', 'operation-moved', 'head', head.pointer, `moved from ${label(base)} to ${label(head)}`);
  }
  if (base.service !== head.service) {
    const own = definition(context.documents.head, head)['x-service'] !== undefined;
    const pointer = own ? fragment(head.pointer, 'x-service') : fragment(head.pointer.slice(0, head.pointer.lastIndexOf('/')), 'x-service');
    reportOfKind(context, 'breaking', 'service-changed', 'head', pointer,
      `moved from the ${SERVICE_TITLES[base.service]} service to the ${SERVICE_TITLES[head.service]} service (another host, authentication and error envelope)`);
  }
  compareSecurity(context, base, head);
  comparePermission(context, base, head);
  compareParameters(context, base, head);
  compareRequestBody(context, base, head);
  compareResponses(context, base, head);
  compareWords(context, base, head);
}

function compareRequestBody(context: OperationContext, base: Operation, head: Operation): void {
  const direction = requestDirection(head);
  const where = head.webhook ? 'webhook payload' : 'request body';
  const scope = messageScope(context, direction, where);
  const was = base.requestBody;
  const now = head.requestBody;
  if (!was && !now) return;
  const at = (document: Json, operation: Operation) => followRefs(document, fragment(operation.pointer, 'requestBody')).pointer;
  if (!was) {
    if (now!.required) report(scope, 'narrower', 'request-body', 'head', fragment(head.pointer, 'requestBody'), 'now required (there was none)');
    else report(scope, 'addition', 'request-body', 'head', fragment(head.pointer, 'requestBody'), 'new, optional');
    return;
  }
  if (!now) return report(scope, 'different', 'request-body', 'base', fragment(base.pointer, 'requestBody'), 'removed');
  const basePointer = at(context.documents.base, base);
  const headPointer = at(context.documents.head, head);
  if (!was.required && now.required) report(scope, 'narrower', 'request-body', 'head', fragment(headPointer, 'required'), 'now required');
  if (was.required && !now.required) report(scope, 'wider', 'request-body', 'base', fragment(basePointer, 'required'), 'now optional');
  compareContents(scope, was.contents, now.contents, basePointer, headPointer);
  compareAnnotations(scope, words(context.documents.base, basePointer, ['description']), words(context.documents.head, headPointer, ['description']));
}

function words(document: Json, pointer: string, keywords: readonly string[]): WrittenKeyword[] {
  const value = valueAtFragment(document, pointer) as Json;
  return keywords.filter((keyword) => value?.[keyword] !== undefined).map((keyword) => ({ keyword, value: value[keyword], pointer: fragment(pointer, keyword) }));
}

/** The media types of a body: each kept one compared by schema and examples; a removed one refuses or surprises. */
function compareContents(scope: SchemaScope, before: Content[], after: Content[], basePointer: string, headPointer: string): void {
  const sending = scope.direction === 'request' ? 'accepted' : 'sent';
  const several = before.length > 1 || after.length > 1;
  for (const was of before) {
    if (!after.some((content) => content.mediaType === was.mediaType)) {
      report(scope, 'different', 'media-type', 'base', fragment(basePointer, 'content', was.mediaType), `${was.mediaType} no longer ${sending}`);
    }
  }
  for (const now of after) {
    const mediaPointer = fragment(headPointer, 'content', now.mediaType);
    const was = before.find((content) => content.mediaType === now.mediaType);
    if (!was) {
      report(scope, 'addition', 'media-type', 'head', mediaPointer, `${now.mediaType} now also ${sending}`);
      continue;
    }
    const inner: SchemaScope = several ? { ...scope, place: { ...scope.place, where: `${scope.place.where} (${now.mediaType})` } } : scope;
    if (was.schema && now.schema) compareSchemas(inner, [was.schema], [now.schema]);
    else if (now.schema) report(inner, 'narrower', 'schema', 'head', fragment(mediaPointer, 'schema'), 'now has a schema');
    else if (was.schema) report(inner, 'wider', 'schema', 'base', fragment(basePointer, 'content', was.mediaType, 'schema'), 'no longer has a schema');
    compareExamples(inner, was, now);
  }
}

function compareExamples(scope: SchemaScope, was: Content, now: Content): void {
  for (const example of now.examples) {
    const old = was.examples.find((candidate) => candidate.name === example.name);
    if (!old) report(scope, 'documentation', 'example', 'head', example.pointer, `example ${example.name} added`);
    else if (!sameJson(old.value, example.value) || old.summary !== example.summary) report(scope, 'documentation', 'example', 'head', example.pointer, `example ${example.name} changed`);
  }
  for (const example of was.examples) {
    if (!now.examples.some((candidate) => candidate.name === example.name)) report(scope, 'documentation', 'example', 'base', example.pointer, `example ${example.name} removed`);
  }
}

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);

function compareResponses(context: OperationContext, base: Operation, head: Operation): void {
  const direction = flip(requestDirection(head));
  // Where a status is listed, for one added or removed; where it is defined, to compare its content.
  const listed = (operation: Operation, status: string) => fragment(operation.pointer, 'responses', status);
  const responsePointer = (document: Json, operation: Operation, status: string) => followRefs(document, listed(operation, status)).pointer;
  const statuses = (operation: Operation) => operation.responses.map((response) => response.status);
  const removed = statuses(base).filter((status) => !statuses(head).includes(status));
  const added = statuses(head).filter((status) => !statuses(base).includes(status));
  const removedSuccess = removed.filter(isSuccess);
  const addedSuccess = added.filter(isSuccess);
  const changed = Math.min(removedSuccess.length, addedSuccess.length);
  for (let index = 0; index < changed; index++) {
    reportOfKind(context, 'breaking', 'success-status', 'head', listed(head, addedSuccess[index]!),
      `success status changed from ${removedSuccess[index]} to ${addedSuccess[index]}`);
  }
  for (const status of removedSuccess.slice(changed)) {
    reportOfKind(context, 'breaking', 'success-status', 'base', listed(base, status), `success status ${status} removed`);
  }
  for (const status of addedSuccess.slice(changed)) {
    reportOfKind(context, 'breaking', 'success-status', 'head', listed(head, status),
      `new success status ${status}: clients that expect ${statuses(base).filter(isSuccess).join(' or ') || 'another'} may not handle it`);
  }
  for (const status of removed.filter((status) => !isSuccess(status))) {
    reportOfKind(context, 'compatible', 'status', 'base', listed(base, status), `response ${status} no longer documented`);
  }
  for (const status of added.filter((status) => !isSuccess(status))) {
    reportOfKind(context, 'compatible', 'status', 'head', listed(head, status), `new response ${status}`);
  }
  for (const now of head.responses) {
    const was = base.responses.find((response) => response.status === now.status);
    if (!was) continue;
    const basePointer = responsePointer(context.documents.base, base, now.status);
    const headPointer = responsePointer(context.documents.head, head, now.status);
    const prefix = head.webhook ? `answer ${now.status}` : `response ${now.status}`;
    const scope = messageScope(context, direction, `${prefix} body`);
    compareContents(scope, was.contents, now.contents, basePointer, headPointer);
    compareHeaders(context, direction, prefix, basePointer, headPointer);
    compareAnnotations(messageScope(context, direction, prefix), words(context.documents.base, basePointer, ['description']), words(context.documents.head, headPointer, ['description']));
  }
}

function compareHeaders(context: OperationContext, direction: Direction, prefix: string, basePointer: string, headPointer: string): void {
  const headers = (document: Json, pointer: string) => {
    const map: Json = (valueAtFragment(document, pointer) as Json)?.headers ?? {};
    return new Map(Object.keys(map).filter((name) => name.toLowerCase() !== 'content-type').map((name) => {
      const listed = fragment(pointer, 'headers', name);
      const { pointer: at, value } = followRefs(document, listed);
      return [name.toLowerCase(), { name, listed, pointer: at, value }] as const;
    }));
  };
  const before = headers(context.documents.base, basePointer);
  const after = headers(context.documents.head, headPointer);
  for (const [key, was] of before) {
    // Headers are seldom marked required, so a documented header that goes away is taken as breaking.
    if (!after.has(key)) report(messageScope(context, direction, `${prefix} header ${was.name}`), 'different', 'header', 'base', was.listed, 'removed');
  }
  for (const [key, now] of after) {
    const scope = messageScope(context, direction, `${prefix} header ${now.name}`);
    const was = before.get(key);
    if (!was) {
      report(scope, 'addition', 'header', 'head', now.listed, 'new');
      continue;
    }
    if (was.value.required === true && now.value.required !== true) report(scope, 'wider', 'required', 'base', fragment(was.pointer, 'required'), 'no longer required');
    if (was.value.required !== true && now.value.required === true) report(scope, 'narrower', 'required', 'head', fragment(now.pointer, 'required'), 'now required');
    if (was.value.schema !== undefined && now.value.schema !== undefined) compareSchemas(scope, [fragment(was.pointer, 'schema')], [fragment(now.pointer, 'schema')]);
    compareAnnotations(scope, words(context.documents.base, was.pointer, ['description']), words(context.documents.head, now.pointer, ['description']));
  }
}

/** Keys of an Operation Object compared elsewhere, by the walker's reading. */
const COMPARED = new Set(['operationId', 'parameters', 'requestBody', 'responses', 'security', 'x-permission', 'x-service', 'x-coming-soon', 'summary', 'description', 'tags', 'deprecated']);
const WORDS = ['summary', 'description', 'tags', 'deprecated', 'externalDocs'];

function compareWords(context: OperationContext, base: Operation, head: Operation): void {
  const was = definition(context.documents.base, base);
  const now = definition(context.documents.head, head);
  const at = (key: string) => fragment(head.pointer, key);
  for (const key of ['summary', 'description', 'tags', 'externalDocs']) {
    if (sameJson(was[key], now[key])) continue;
    const detail = key === 'tags' ? `tags changed from ${JSON.stringify(was.tags ?? [])} to ${JSON.stringify(now.tags ?? [])}` : `${key} ${now[key] === undefined ? 'removed' : was[key] === undefined ? 'added' : 'changed'}`;
    reportOfKind(context, 'compatible', 'documentation', now[key] === undefined ? 'base' : 'head', now[key] === undefined ? fragment(base.pointer, key) : at(key), detail);
  }
  if ((was.deprecated === true) !== (now.deprecated === true)) {
    reportOfKind(context, 'compatible', 'deprecated', now.deprecated === true ? 'head' : 'base', now.deprecated === true ? at('deprecated') : fragment(base.pointer, 'deprecated'),
      now.deprecated === true ? 'now deprecated' : 'no longer deprecated');
  }
  if (!base.comingSoon && head.comingSoon) reportOfKind(context, 'breaking', 'coming-soon', 'head', at('x-coming-soon'), 'now marked Coming Soon: the service may not offer it yet');
  if (base.comingSoon && !head.comingSoon) reportOfKind(context, 'compatible', 'coming-soon', 'base', fragment(base.pointer, 'x-coming-soon'), 'no longer marked Coming Soon');
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (COMPARED.has(key) || WORDS.includes(key) || sameJson(was[key], now[key])) continue;
    // Extensions explain; a standard key this diff does not read (callbacks, servers) may change anything.
    const extension = key.startsWith('x-');
    reportOfKind(context, extension ? 'compatible' : 'breaking', extension ? 'extension' : 'keyword', now[key] === undefined ? 'base' : 'head', now[key] === undefined ? fragment(base.pointer, key) : at(key),
      extension ? `${key} changed` : `${key} changed (not compared in detail)`);
  }
}
