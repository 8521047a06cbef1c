// What `platform-contract mock` prints once it listens: the URL first, then each service and the keys.
import type { Operation } from '../core/contract.js';
import { SERVICE_NAMES, SERVICE_TITLES } from '../core/services.js';
import type { MockServer } from '../adapters/node/mock-server.js';

/** The collection roots of a service's paths (`/api/v1/rules/{id}/trigger` -> `/api/v1/rules`), in spec order. */
export function pathRoots(operations: Operation[]): string[] {
  const roots = [...new Set(operations.map((op) => op.path.split('/{')[0]))];
  return roots.filter((root) => !roots.some((other) => root.startsWith(`${other}/`)));
}

function authLine(operations: Operation[]): string {
  if (operations.some((op) => op.auth === 'apiKey')) return 'Authorization: ApiKey <key>';
  if (operations.some((op) => op.auth === 'bearer')) return 'Authorization: Bearer <any token>';
  return 'no authentication';
}

export function readyBanner(server: MockServer, files: { spec: string; keys: string; adminToken?: boolean }): string {
  const served = server.contract.operations.filter((op) => !op.webhook);
  const lines = [`Mock server ready on ${server.url} (${served.length} operations from ${files.spec})`];
  for (const service of SERVICE_NAMES) {
    const operations = served.filter((op) => op.service === service);
    if (operations.length === 0) continue;
    lines.push(`  ${SERVICE_TITLES[service].padEnd(10)} ${pathRoots(operations).join(', ')} (${operations.length} operations; ${authLine(operations)})`);
  }
  if (server.stateful) {
    if (server.storage?.notice) lines.push(`  ${server.storage.notice}`);
    // Paths as the user would type them from here, as the one-line errors print them.
    const where = (server.storage?.where ?? 'in memory').replaceAll(`${process.cwd()}/`, '');
    lines.push(`  State      per API key organization (Rules) and bearer token, ${where}`);
    const all = files.adminToken ? `POST /__mock/reset?all=true with the admin token or kill -HUP ${process.pid}` : `kill -HUP ${process.pid}`;
    lines.push(`             POST /__mock/reset with a key or token resets the caller's own; ${all} resets everything`);
  }
  lines.push(`  Keys from ${files.keys}:`);
  const width = Math.max(...[...server.keys.keys()].map((key) => key.length));
  for (const key of server.keys.values()) {
    const scopes = [...new Set(key.permissions.map((p) => p.scope))];
    lines.push(`    ${key.key.padEnd(width)}  ${key.description ?? scopes.join(', ')}`);
  }
  const firstKey = server.keys.keys().next().value;
  const rules = served.find((op) => op.service === 'rules' && op.method === 'GET' && !op.path.includes('{'));
  if (firstKey && rules) lines.push(`  Try: curl -H 'Authorization: ApiKey ${firstKey}' ${server.url}${rules.path}`);
  lines.push('  Press Ctrl+C to stop.');
  return `${lines.join('\n')}\n`;
}
