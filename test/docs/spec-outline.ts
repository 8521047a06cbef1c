// Reads, straight from openapi.yaml and its path files, what the docs page must show: tag groups,
// operations and webhooks with method, path and summary, and the Rules scope table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OutlineOperation {
  kind: 'operation' | 'webhook';
  /** The path template, or the webhook's name. */
  path: string;
  method: string;
  summary: string;
  tag: string;
  operationId?: string;
  permissionScope?: string;
  comingSoon: boolean;
}

export interface SpecOutline {
  tagGroups: Array<{ name: string; tags: string[] }>;
  operations: OutlineOperation[];
  scopes: string[];
}

type PathItem = Record<string, any>;

function loadYaml(file: string): any {
  return parse(readFileSync(file, 'utf8'));
}

/** A path item inline in the root, or the file its `$ref` names (relative to the root). */
function pathItemOf(rootFile: string, item: PathItem): PathItem {
  if (typeof item?.$ref !== 'string') return item;
  const [file] = item.$ref.split('#');
  return loadYaml(path.resolve(path.dirname(rootFile), file));
}

export function readSpecOutline(rootFile: string): SpecOutline {
  const root = loadYaml(rootFile);
  const operations: OutlineOperation[] = [];
  const collect = (kind: OutlineOperation['kind'], entries: Record<string, PathItem> = {}) => {
    for (const [key, ref] of Object.entries(entries)) {
      const item = pathItemOf(rootFile, ref);
      for (const method of METHODS) {
        const operation = item?.[method];
        if (!operation) continue;
        operations.push({
          kind,
          path: key,
          method,
          summary: String(operation.summary ?? ''),
          tag: String(operation.tags?.[0] ?? ''),
          operationId: operation.operationId,
          permissionScope: operation['x-permission']?.scope,
          comingSoon: operation['x-coming-soon'] === true,
        });
      }
    }
  };
  collect('operation', root.paths);
  collect('webhook', root.webhooks);
  return {
    tagGroups: root['x-tagGroups'] ?? [],
    operations,
    scopes: (root['x-scopes'] ?? []).map((entry: { scope: string }) => entry.scope),
  };
}
