// The operations of the bundled document (paths and webhooks) with what their request and response
// bodies must look like, and the named examples the spec gives for them.
import { followRefs, pointer, type Json } from './json-pointer.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** What a body is checked against. */
export type BodyShape =
  /** A JSON body, validated against the schema at `schema` (a `#/...` pointer, references followed). */
  | { kind: 'json'; schema: string }
  /** A JSON media type without a schema, or only non-JSON media types: any body is accepted. */
  | { kind: 'unchecked'; mediaTypes: string[] }
  /** No content: the message has no body. */
  | { kind: 'empty' };

export interface Example {
  /** The example's name in its `examples` map (`example` for the singular field). */
  name: string;
  /** Where the Example Object lives once references are followed. */
  pointer: string;
  summary?: string;
  value: unknown;
}

export interface RequestBody {
  required: boolean;
  shape: BodyShape;
  examples: Example[];
}

export interface Response {
  /** The key in the responses map: `200`, `4XX` or `default`. */
  status: string;
  shape: BodyShape;
  examples: Example[];
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template, or `webhook:<name>` for a webhook. */
  path: string;
  /** Where the operation lives in the bundled document. */
  pointer: string;
  /** Null when the operation takes no request body. */
  request: RequestBody | null;
  responses: Response[];
}

const isJsonMediaType = (mediaType: string) => /^application\/(?:[\w.-]+\+)?json(?:\s*;.*)?$/i.test(mediaType);

function readContent(document: Json, contentPointer: string, content: Json): { shape: BodyShape; examples: Example[] } {
  const mediaTypes = Object.keys(content ?? {});
  if (mediaTypes.length === 0) return { shape: { kind: 'empty' }, examples: [] };
  // application/json first when a message offers several JSON media types.
  const json = mediaTypes.includes('application/json') ? 'application/json' : mediaTypes.find(isJsonMediaType);
  if (!json) return { shape: { kind: 'unchecked', mediaTypes }, examples: [] };
  const mediaPointer = pointer(contentPointer, json);
  const media = content[json];
  const examples = readExamples(document, mediaPointer, media);
  if (!media.schema) return { shape: { kind: 'unchecked', mediaTypes }, examples };
  return { shape: { kind: 'json', schema: followRefs(document, pointer(mediaPointer, 'schema')).pointer }, examples };
}

function readExamples(document: Json, mediaPointer: string, media: Json): Example[] {
  const examples: Example[] = Object.keys(media.examples ?? {}).map((name) => {
    const { pointer: examplePointer, value: example } = followRefs(document, pointer(mediaPointer, 'examples', name));
    return { name, pointer: examplePointer, summary: example.summary, value: example.value };
  });
  if ('example' in media) {
    examples.push({ name: 'example', pointer: pointer(mediaPointer, 'example'), value: media.example });
  }
  return examples;
}

function readOperation(document: Json, operationPointer: string, method: string, path: string): Operation {
  const operation = followRefs(document, operationPointer).value;
  if (typeof operation.operationId !== 'string') {
    throw new Error(`The operation at ${operationPointer} has no operationId; every operation needs one.`);
  }
  let request: RequestBody | null = null;
  if (operation.requestBody) {
    const { pointer: bodyPointer, value: body } = followRefs(document, pointer(operationPointer, 'requestBody'));
    request = { required: body.required === true, ...readContent(document, pointer(bodyPointer, 'content'), body.content) };
  }
  const responses = Object.keys(operation.responses ?? {}).map((status) => {
    const { pointer: responsePointer, value: response } = followRefs(document, pointer(operationPointer, 'responses', status));
    return { status, ...readContent(document, pointer(responsePointer, 'content'), response.content) };
  });
  return { operationId: operation.operationId, method, path, pointer: operationPointer, request, responses };
}

/** Every operation of `paths` then `webhooks`, in document order. Throws on a duplicate operationId. */
export function listOperations(document: Json): Operation[] {
  const operations: Operation[] = [];
  const collect = (section: 'paths' | 'webhooks', label: (key: string) => string) => {
    for (const key of Object.keys(document[section] ?? {})) {
      const itemPointer = followRefs(document, pointer('#', section, key)).pointer;
      const item = followRefs(document, itemPointer).value;
      for (const method of HTTP_METHODS) {
        if (item[method]) operations.push(readOperation(document, pointer(itemPointer, method), method, label(key)));
      }
    }
  };
  collect('paths', (key) => key);
  collect('webhooks', (key) => `webhook:${key}`);

  const seen = new Map<string, Operation>();
  for (const operation of operations) {
    const earlier = seen.get(operation.operationId);
    if (earlier) {
      throw new Error(`operationId "${operation.operationId}" is used twice: ${earlier.pointer} and ${operation.pointer}.`);
    }
    seen.set(operation.operationId, operation);
  }
  return operations;
}

/** The component schemas by name, in document order. */
export function listComponentSchemas(document: Json): string[] {
  return Object.keys(document.components?.schemas ?? {});
}
