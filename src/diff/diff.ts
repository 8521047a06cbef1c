// Compares two contract documents (BASE, the one clients were built against, and HEAD) and lists
// every change, classified for clients as breaking or compatible. Pure: documents in, findings out.
import type { Contract } from '../core/contract.js';
import { fragment } from '../core/json-pointer.js';
import { FindingSink, type Finding } from './findings.js';
import { compareOperation, label, pairOperations } from './operations.js';
import { sameJson } from './same-schema.js';
import { reportOfKind, type Documents, type OperationContext } from './scope.js';
import { compareScopeTable, compareSecuritySchemes } from './security.js';

type Json = any;

/** A bundled document (local `$ref`s only) and the walker's reading of it. */
export interface ContractDocument {
  document: Json;
  contract: Contract;
}

export interface DiffReport {
  findings: Finding[];
  /** How each operation a finding names is called, for reports: `POST /api/v1/transfers`. */
  operations: Record<string, string>;
  summary: { breaking: number; compatible: number };
}

export const DOCUMENT = 'document';

export function diffContracts(base: ContractDocument, head: ContractDocument): DiffReport {
  const documents: Documents = { base: base.document, head: head.document };
  const sink = new FindingSink();
  const operations: Record<string, string> = {};
  const { pairs, removed, added } = pairOperations(base.contract, head.contract);
  const byHeadOrder = [...pairs].sort((a, b) => head.contract.operations.indexOf(a.head) - head.contract.operations.indexOf(b.head));
  const context = (operationId: string): OperationContext => ({ documents, sink, operationId });
  for (const operation of head.contract.operations) {
    operations[operation.operationId] = label(operation);
    const pair = byHeadOrder.find((candidate) => candidate.head === operation);
    if (pair) compareOperation(context(operation.operationId), pair.base, pair.head);
    else if (added.includes(operation)) reportOfKind(context(operation.operationId), 'compatible', 'operation-added', 'head', operation.pointer, `new operation ${label(operation)}`);
  }
  for (const operation of removed) {
    operations[operation.operationId] = label(operation);
    const pathGone = !head.contract.operations.some((candidate) => candidate.path === operation.path);
    reportOfKind(context(operation.operationId), 'breaking', 'operation-removed', 'base', operation.pointer,
      `${label(operation)} removed${pathGone && !operation.webhook ? ` (the path ${operation.path} is gone)` : ''}`);
  }
  const document = context(DOCUMENT);
  compareScopeTable(document, base.contract.scopes, head.contract.scopes);
  compareSecuritySchemes(document);
  compareRoot(document);
  const findings = sink.findings();
  const breaking = findings.filter((finding) => finding.kind === 'breaking').length;
  return { findings, operations, summary: { breaking, compatible: findings.length - breaking } };
}

/** Root keys read through the operations, the scope table and the security schemes. */
const READ_ELSEWHERE = new Set(['paths', 'webhooks', 'components', 'x-scopes', 'security']);
/** Root keys that change how every schema is read. */
const DIALECT = new Set(['openapi', 'jsonSchemaDialect']);

/** The document's own words: info, servers, tags. Only a change of dialect can break a client. */
function compareRoot(context: OperationContext): void {
  const { base, head } = context.documents;
  for (const key of new Set([...Object.keys(base), ...Object.keys(head)])) {
    if (READ_ELSEWHERE.has(key) || sameJson(base[key], head[key])) continue;
    if (key === 'info') {
      for (const field of new Set([...Object.keys(base.info ?? {}), ...Object.keys(head.info ?? {})])) {
        const [was, now] = [base.info?.[field], head.info?.[field]];
        if (sameJson(was, now)) continue;
        const detail = typeof was === 'string' && typeof now === 'string' && field !== 'description' ? `info.${field} changed from ${was} to ${now}` : `info.${field} changed`;
        reportOfKind(context, 'compatible', 'info', now === undefined ? 'base' : 'head', fragment('#', 'info', field), detail);
      }
      continue;
    }
    const dialect = DIALECT.has(key);
    reportOfKind(context, dialect ? 'breaking' : 'compatible', dialect ? 'dialect' : 'documentation', head[key] === undefined ? 'base' : 'head', fragment('#', key),
      dialect ? `${key} changed from ${JSON.stringify(base[key])} to ${JSON.stringify(head[key])}: every schema may read differently` : `${key} changed`);
  }
}
