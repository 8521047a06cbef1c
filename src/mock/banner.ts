// What `npm start` prints once it listens: the URL first, then each service and the demo keys.
import type { MockOperation } from './contract.js';
import type { MockServer } from './server.js';
import type { ServiceName } from './service-errors.js';

const SERVICE_TITLES: Record<ServiceName, string> = { rules: 'Rules', sequences: 'Sequences', comms: 'Comms' };

/** The collection roots of a service's paths (`/api/v1/rules/{id}/trigger` -> `/api/v1/rules`), in spec order. */
export function pathRoots(operations: MockOperation[]): string[] {
  const roots = [...new Set(operations.map(op => op.path.split('/{')[0]))];
  return roots.filter(root => !roots.some(other => root.startsWith(`${other}/`)));
}

function authLine(operations: MockOperation[]): string {
  if (operations.some(op => op.auth === 'apiKey')) return 'Authorization: ApiKey <key>';
  if (operations.some(op => op.auth === 'bearer')) return 'Authorization: Bearer <any token>';
  return 'no authentication';
}

export function readyBanner(server: MockServer, files: { spec: string; keys: string; state?: string }): string {
  const lines = [`Mock server ready on ${server.url} (${server.contract.operations.length} operations from ${files.spec})`];
  for (const service of Object.keys(SERVICE_TITLES) as ServiceName[]) {
    const operations = server.contract.operations.filter(op => op.service === service);
    if (operations.length === 0) continue;
    lines.push(
      `  ${SERVICE_TITLES[service].padEnd(10)} ${pathRoots(operations).join(', ')} (${operations.length} operations; ${authLine(operations)})`,
    );
  }
  if (server.state) {
    const where = files.state ? `saved in ${files.state}` : 'in memory';
    // The mock's own pid: npm and tsx do not pass SIGHUP on to it.
    lines.push(`  State      per API key organization (Rules) and bearer token, ${where}; POST /__mock/reset or kill -HUP ${process.pid} resets it`);
  }
  lines.push(`  Keys from ${files.keys}:`);
  const width = Math.max(...[...server.keys.keys()].map(key => key.length));
  for (const key of server.keys.values()) {
    const scopes = [...new Set(key.permissions.map(p => p.scope))];
    lines.push(`    ${key.key.padEnd(width)}  ${key.description ?? scopes.join(', ')}`);
  }
  const firstKey = server.keys.keys().next().value;
  const rules = server.contract.operations.find(op => op.service === 'rules' && op.method === 'GET' && !op.path.includes('{'));
  if (firstKey && rules) lines.push(`  Try: curl -H 'Authorization: ApiKey ${firstKey}' ${server.url}${rules.path}`);
  lines.push('  Press Ctrl+C to stop.');
  return `${lines.join('\n')}\n`;
}
