// Routing: which documented operation a method and path name, or why none does (404 / 405), and
// which service owns a path, so that even an unknown route answers in that service's envelope.
import type { MockOperation } from './contract.js';
import type { ServiceName } from './service-errors.js';

export type Route =
  | { kind: 'operation'; operation: MockOperation; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; service: ServiceName; allowed: string[] }
  | { kind: 'not-found'; service: ServiceName };

interface CompiledPath {
  template: string;
  /** Literal segments as strings; `null` where the template has a parameter. */
  segments: Array<string | null>;
  parameterNames: string[];
  /** Literal segments first: `/accounts/income-sources` wins over `/accounts/{id}`. */
  literalCount: number;
  byMethod: Map<string, MockOperation>;
  service: ServiceName;
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

export class Router {
  private readonly paths: CompiledPath[] = [];
  private readonly defaultService: ServiceName;

  constructor(operations: MockOperation[]) {
    const byTemplate = new Map<string, CompiledPath>();
    for (const operation of operations) {
      let compiled = byTemplate.get(operation.path);
      if (!compiled) {
        const raw = splitPath(operation.path);
        const segments = raw.map(segment => (/^\{[^}]+\}$/.test(segment) ? null : segment));
        compiled = {
          template: operation.path,
          segments,
          parameterNames: raw.filter((_, i) => segments[i] === null).map(segment => segment.slice(1, -1)),
          literalCount: segments.filter(segment => segment !== null).length,
          byMethod: new Map(),
          service: operation.service,
        };
        byTemplate.set(operation.path, compiled);
      }
      compiled.byMethod.set(operation.method, operation);
    }
    this.paths = [...byTemplate.values()].sort((a, b) => b.literalCount - a.literalCount);
    this.defaultService = operations.some(op => op.service === 'rules') ? 'rules' : (operations[0]?.service ?? 'rules');
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
      const params = this.match(compiled, segments);
      if (!params) continue;
      const operation = compiled.byMethod.get(method);
      if (operation) return { kind: 'operation', operation, pathParams: params };
      pathMatched ??= compiled;
      for (const other of compiled.byMethod.keys()) allowed.add(other);
    }
    if (pathMatched) return { kind: 'method-not-allowed', service: pathMatched.service, allowed: [...allowed] };
    return { kind: 'not-found', service: this.ownerOf(segments) };
  }

  private match(compiled: CompiledPath, segments: string[]): Record<string, string> | undefined {
    if (compiled.segments.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    let p = 0;
    for (let i = 0; i < segments.length; i++) {
      const literal = compiled.segments[i];
      if (literal === null) {
        if (segments[i] === '') return undefined;
        let value = segments[i];
        try {
          value = decodeURIComponent(value);
        } catch {
          // A malformed escape stays as sent; validation reports it if the schema objects.
        }
        params[compiled.parameterNames[p++]] = value;
      } else if (literal !== segments[i]) {
        return undefined;
      }
    }
    return params;
  }

  /** The service whose documented paths share the longest leading run of segments with `segments`. */
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
      const literalShared = compiled.segments.slice(0, shared).filter(segment => segment !== null).length;
      // Ties go to the default service (Rules), whatever order the paths were listed in.
      if (literalShared > best || (literalShared === best && best > 0 && compiled.service === this.defaultService)) {
        best = literalShared;
        owner = compiled.service;
      }
    }
    return owner;
  }
}
