// Builds a valid HTTP request for any operation of the contract from its own examples, so tests
// can call every operation without hand-writing requests.
import type { Operation } from './contract.js';

export interface SampleRequest {
  method: string;
  /** Path with parameters filled in and the query string appended. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export const DEMO_CREDENTIALS = {
  ApiKeyAuth: 'ApiKey demo_admin',
  BearerAuth: 'Bearer demo_token',
} as const;

function parameterValue(parameter: any): string {
  const value = parameter.example
    ?? Object.values<any>(parameter.examples ?? {})[0]?.value
    ?? parameter.schema?.example
    ?? parameter.schema?.default
    ?? parameter.schema?.enum?.[0]
    ?? (parameter.schema?.type === 'integer' || parameter.schema?.type === 'number' ? 1 : 'x');
  return String(value);
}

/** The path's and the operation's parameters, the operation's overriding the path's. */
export function parametersOf(document: any, operation: Operation): any[] {
  const pathItem = operation.path.startsWith('webhook:') ? {} : document.paths[operation.path];
  const merged = new Map<string, any>();
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.definition.parameters ?? [])]) {
    merged.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...merged.values()];
}

export function firstRequestExample(operation: Operation): unknown {
  const media = operation.definition.requestBody?.content?.['application/json'];
  if (!media) return undefined;
  return Object.values<any>(media.examples ?? {})[0]?.value ?? media.example;
}

export function sampleRequest(document: any, operation: Operation): SampleRequest {
  let url = operation.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const parameter of parametersOf(document, operation)) {
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(parameterValue(parameter)));
    else if (parameter.in === 'query' && parameter.required) query.set(parameter.name, parameterValue(parameter));
  }
  const scheme = Object.keys(operation.definition.security?.[0] ?? {})[0] as keyof typeof DEMO_CREDENTIALS | undefined;
  if (scheme && DEMO_CREDENTIALS[scheme]) headers.authorization = DEMO_CREDENTIALS[scheme];
  const example = firstRequestExample(operation);
  const request: SampleRequest = { method: operation.method.toUpperCase(), url: query.size ? `${url}?${query}` : url, headers };
  if (example !== undefined) {
    headers['content-type'] = 'application/json';
    request.body = JSON.stringify(example);
  }
  return request;
}
