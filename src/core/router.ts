// Routing: which documented operation a method and path name, or why none does (404 / 405), and
// which service owns a path, so that even an unknown route answers in that service's envelope.
import type { Operation } from './contract.js';
import type { ServiceName } from './services.js';

export type Route =
  | { kind: 'operation'; operation: Operation; pathParams: Record<string, string> }
  /** A path parameter is not valid percent-encoding (`%ZZ`): the request is malformed. */
  | { kind: 'malformed'; operation: Operation; parameter: string; value: string }
  | { kind: 'method-not-allowed'; service: ServiceName; allowed: string[] }
  | { kind: 'not-found'; service: ServiceName };

interface CompiledPath {
  /** Literal segments as strings; `null` where the template has a parameter. */
  segments: Array<string | null>;
  parameterNames: string[];
  byMethod: Map<string, Operation>;
  service: ServiceName;
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export class Router {
  private readonly paths: CompiledPath[];
  private readonly defaultService: ServiceName;

  /** Webhooks are not routes: the service sends them, nobody calls them on the mock. */
  constructor(operations: readonly Operation[]) {
    const byTemplate = new Map<string, CompiledPath>();
    for (const operation of operations) {
      if (operation.webhook) continue;
      let compiled = byTemplate.get(operation.path);
      if (!compiled) {
        const raw = splitPath(operation.path);
        const segments = raw.map((segment) => (/^\{[^}]+\}$/.test(segment) ? null : segment));
        compiled = {
          segments,
          parameterNames: raw.filter((_, i) => segments[i] === null).map((segment) => segment.slice(1, -1)),
          byMethod: new Map(),
          service: operation.service,
        };
        byTemplate.set(operation.path, compiled);
      }
      compiled.byMethod.set(operation.method, operation);
    }
    // Literal segments first: `/accounts/income-sources` wins over `/accounts/{id}`.
    const literals = (compiled: CompiledPath) => compiled.segments.filter((segment) => segment !== null).length;
    this.paths = [...byTemplate.values()].sort((a, b) => literals(b) - literals(a));
    this.defaultService = operations.some((op) => op.service === 'rules') ? 'rules' : (operations[0]?.service ?? 'rules');
  }

  /** The methods documented at `path` (for CORS preflights and 405 answers). */
  methodsAt(path: string): string[] {
    const segments = splitPath(path);
    const methods = new Set<string>();
    for (const compiled of this.paths) {
      if (this.match(compiled, segments)) for (const method of compiled.byMethod.keys()) methods.add(method);
    }
    return [...methods];
  }

  route(method: string, path: string): Route {
    const segments = splitPath(path);
    let pathMatched: CompiledPath | undefined;
    const allowed = new Set<string>();
    for (const compiled of this.paths) {
      const raw = this.match(compiled, segments);
      if (!raw) continue;
      const operation = compiled.byMethod.get(method);
      if (operation) return this.decoded(operation, compiled, raw);
      pathMatched ??= compiled;
      for (const other of compiled.byMethod.keys()) allowed.add(other);
    }
    if (pathMatched) return { kind: 'method-not-allowed', service: pathMatched.service, allowed: [...allowed] };
    return { kind: 'not-found', service: this.ownerOf(segments) };
  }

  private decoded(operation: Operation, compiled: CompiledPath, raw: string[]): Route {
    const pathParams: Record<string, string> = {};
    for (let i = 0; i < raw.length; i++) {
      const value = decodeSegment(raw[i]);
      if (value === undefined) return { kind: 'malformed', operation, parameter: compiled.parameterNames[i], value: raw[i] };
      pathParams[compiled.parameterNames[i]] = value;
    }
    return { kind: 'operation', operation, pathParams };
  }

  /** The raw (still encoded) values of the template's parameters, or undefined when the path differs. */
  private match(compiled: CompiledPath, segments: string[]): string[] | undefined {
    if (compiled.segments.length !== segments.length) return undefined;
    const values: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const literal = compiled.segments[i];
      if (literal === null) {
        if (segments[i] === '') return undefined;
        values.push(segments[i]);
      } else if (literal !== segments[i]) {
        return undefined;
      }
    }
    return values;
  }

  /** The service whose documented paths share the longest leading run of literal segments with `segments`. */
  private ownerOf(segments: string[]): ServiceName {
    let best = 0;
    let owner = this.defaultService;
    for (const compiled of this.paths) {
      let shared = 0;
      while (
        shared < segments.length &&
        shared < compiled.segments.length &&
        (compiled.segments[shared] === null ? segments[shared] !== '' : compiled.segments[shared] === segments[shared])
      ) {
        shared++;
      }
      // Only literal agreement counts as ownership: `/api/v1/x` shares `/api/v1` with Rules and Sequences alike.
      const literalShared = compiled.segments.slice(0, shared).filter((segment) => segment !== null).length;
      // Ties go to the default service (Rules), whatever order the paths were listed in.
      if (literalShared > best || (literalShared === best && best > 0 && compiled.service === this.defaultService)) {
        best = literalShared;
        owner = compiled.service;
      }
    }
    return owner;
  }
}
