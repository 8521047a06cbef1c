// Decorator: adds a pasteable curl sample (x-codeSamples) to every operation, built from its first
// example and pointed at the local mock with a demo credential, so samples never drift from the spec.

/** Defaults match the mock's demo keys file (`npm start`); override them in redocly.yaml if it changes. */
export const CODE_SAMPLE_DEFAULTS = Object.freeze({
  baseUrl: 'http://127.0.0.1:4010',
  apiKey: 'demo_admin',
  bearerToken: 'demo_token',
  // Redoc shows a sample under the language tab its label names, so the label is the language.
  label: 'curl',
});

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Quotes a string for a POSIX shell: single quotes, with embedded single quotes closed and escaped. */
export function shellQuote(text) {
  return `'${String(text).replace(/'/g, `'\\''`)}'`;
}

/**
 * The Authorization header a demo caller sends for an operation's security requirement, or
 * undefined when the operation needs none. ApiKeyAuth wins when an operation allows both.
 * @param {Array<Record<string, string[]>> | undefined} security
 * @param {{apiKey: string, bearerToken: string}} credentials
 */
export function authorizationFor(security, { apiKey, bearerToken }) {
  const schemes = new Set((security ?? []).flatMap((requirement) => Object.keys(requirement)));
  if (schemes.has('ApiKeyAuth')) return `ApiKey ${apiKey}`;
  if (schemes.has('BearerAuth')) return `Bearer ${bearerToken}`;
  return undefined;
}

/** The example value of a parameter: its own `example`, its first named example, or its schema's. */
export function parameterExample(parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0];
  if (first && first.value !== undefined) return first.value;
  if (parameter.schema?.example !== undefined) return parameter.schema.example;
  if (Array.isArray(parameter.schema?.examples)) return parameter.schema.examples[0];
  return undefined;
}

/**
 * Renders the curl command for one operation.
 * @param {object} input
 * @param {string} input.method lower-case HTTP method
 * @param {string} input.path the path template, e.g. /api/v1/rules/{id}
 * @param {Array<{name: string, in: string, required?: boolean, example?: unknown}>} input.parameters resolved, with examples
 * @param {string | undefined} input.authorization the Authorization header value, if any
 * @param {{contentType: string, value: unknown} | undefined} input.body the first request example, if any
 * @param {string} input.baseUrl
 */
export function renderCurl({ method, path, parameters, authorization, body, baseUrl }) {
  const valueOf = (parameter) => {
    const example = parameterExample(parameter);
    return example === undefined ? `{${parameter.name}}` : String(example);
  };
  const resolvedPath = path.replace(/\{([^}]+)\}/g, (placeholder, name) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    return parameter ? encodeURIComponent(valueOf(parameter)) : placeholder;
  });
  // Only required query parameters and headers: the sample shows the least a caller must send.
  const query = parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(valueOf(p))}`)
    .join('&');
  const url = `${baseUrl.replace(/\/$/, '')}${resolvedPath}${query ? `?${query}` : ''}`;

  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(url)}`];
  if (authorization) lines.push(`-H ${shellQuote(`Authorization: ${authorization}`)}`);
  for (const header of parameters.filter((p) => p.in === 'header' && p.required)) {
    lines.push(`-H ${shellQuote(`${header.name}: ${valueOf(header)}`)}`);
  }
  if (body) {
    lines.push(`-H ${shellQuote(`Content-Type: ${body.contentType}`)}`);
    const data = typeof body.value === 'string' ? body.value : JSON.stringify(body.value, null, 2);
    lines.push(`--data ${shellQuote(data)}`);
  }
  return lines.join(' \\\n  ');
}

/** Follows `$ref`s (relative to `from`) until a plain node; returns the node and where it lives. */
function deref(ctx, node, from) {
  let current = { node, from };
  for (let hops = 0; current.node && typeof current.node === 'object' && '$ref' in current.node; hops += 1) {
    if (hops > 20) throw new Error(`code-samples: $ref chain too long at ${from}`);
    const resolved = ctx.resolve(current.node, current.from);
    if (!resolved.node) return { node: undefined, from: current.from };
    current = { node: resolved.node, from: resolved.location.source.absoluteRef };
  }
  return current;
}

/** The first example of the request body's first media type (named examples first, then `example`). */
function firstRequestExample(ctx, operation, from) {
  const requestBody = deref(ctx, operation.requestBody, from);
  const content = requestBody.node?.content;
  if (!content) return undefined;
  const [contentType, media] = Object.entries(content)[0] ?? [];
  if (!media) return undefined;
  const firstNamed = Object.values(media.examples ?? {})[0];
  if (firstNamed) {
    const example = deref(ctx, firstNamed, requestBody.from).node;
    if (example?.value !== undefined) return { contentType, value: example.value };
  }
  if (media.example !== undefined) return { contentType, value: media.example };
  return undefined;
}

/** Path-level and operation-level parameters, resolved; operation-level ones override by (in, name). */
function resolveParameters(ctx, pathLevel, operationLevel) {
  const byKey = new Map();
  for (const { node, from } of [...pathLevel, ...operationLevel]) {
    const parameter = deref(ctx, node, from).node;
    if (parameter?.name) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

/**
 * @param {Partial<typeof CODE_SAMPLE_DEFAULTS>} options from redocly.yaml
 */
export function codeSamples(options = {}) {
  const settings = { ...CODE_SAMPLE_DEFAULTS, ...options };
  let rootSecurity;
  let insidePaths = false;
  /** The path item being walked: its path template and its own parameters (webhooks get none). */
  let currentPath;

  return {
    Root: {
      enter(root) {
        rootSecurity = root.security;
      },
    },
    Paths: {
      enter() {
        insidePaths = true;
      },
      leave() {
        insidePaths = false;
      },
    },
    PathItem: {
      enter(pathItem, ctx) {
        const from = ctx.location.source.absoluteRef;
        currentPath = insidePaths
          ? { path: String(ctx.key), parameters: (pathItem.parameters ?? []).map((node) => ({ node, from })) }
          : undefined;
      },
    },
    Operation: {
      leave(operation, ctx) {
        // Webhooks are sent by the service, not called by the reader: no curl for them.
        if (!currentPath || !METHODS.includes(String(ctx.key))) return;
        const from = ctx.location.source.absoluteRef;
        const sample = {
          lang: 'curl',
          label: settings.label,
          source: renderCurl({
            method: String(ctx.key),
            path: currentPath.path,
            parameters: resolveParameters(
              ctx,
              currentPath.parameters,
              (operation.parameters ?? []).map((node) => ({ node, from })),
            ),
            authorization: authorizationFor(operation.security ?? rootSecurity, settings),
            body: firstRequestExample(ctx, operation, from),
            baseUrl: settings.baseUrl,
          }),
        };
        const others = (operation['x-codeSamples'] ?? []).filter((s) => s.label !== settings.label);
        operation['x-codeSamples'] = [sample, ...others];
      },
    },
  };
}
