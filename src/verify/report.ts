// The verifier's report as text: each violation with its request (a curl line), the answer (status,
// the headers that matter, the body trimmed) and the contract's words; the skipped checks and why;
// a summary table per operationId; and the JUnit XML that CI systems read.
import type { CheckResult, Exchange } from './model.js';
import type { OperationTally, VerifyReport } from './run.js';
import { curlLine } from './send.js';

/** Bodies longer than this are cut in the report: the start shows the shape, the contract's words the place. */
export const BODY_LIMIT = 600;

/** Headers shown with an answer: the ones the contract and its readers care about. */
const SHOWN_HEADERS = ['content-type', 'x-request-id', 'www-authenticate', 'idempotent-replayed', 'location', 'allow', 'x-mock-reason'];

export function tallies(report: VerifyReport): OperationTally[] {
  return report.operations.map((operationId) => {
    const results = report.results.filter((result) => result.operationId === operationId);
    const count = (outcome: CheckResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
    return { operationId, checks: results.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  });
}

export function failures(report: VerifyReport): CheckResult[] {
  return report.results.filter((result) => result.outcome === 'failed');
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function trimmed(body: string): string {
  const flat = body.replace(/\s*\n\s*/g, ' ');
  return flat.length > BODY_LIMIT ? `${flat.slice(0, BODY_LIMIT)}... (${body.length} bytes)` : flat;
}

/** The answer in a few lines: status and headers, then the body. */
export function describeAnswer(exchange: Exchange): string[] {
  const { answer } = exchange;
  if (answer.error) return [`no answer: ${answer.error}`];
  const headers = SHOWN_HEADERS.filter((name) => answer.headers[name] !== undefined).map((name) => `${name}: ${answer.headers[name]}`);
  return [[String(answer.status), ...headers].join(', '), ...(answer.body === '' ? ['(no body)'] : [trimmed(answer.body)])];
}

/** One failed check, ready to print: what was checked, the request, the answer, the contract's words. */
export function describeFailure(report: VerifyReport, result: CheckResult): string {
  const lines = [`FAIL ${result.operationId} ${result.check}: ${result.title}`];
  if (result.exchange) {
    lines.push(`  request:  ${curlLine(report.baseUrl, result.exchange.request)}`);
    const [head, ...rest] = describeAnswer(result.exchange);
    lines.push(`  answer:   ${head}`, ...rest.map((line) => `            ${line}`));
  }
  result.violations.forEach((violation, index) => {
    lines.push(`  ${index === 0 ? 'contract: ' : '          '}${violation.pointer !== undefined ? `${violation.pointer || '/'}: ` : ''}${violation.message} [${violation.rule}]`);
  });
  return lines.join('\n');
}

export function summaryTable(report: VerifyReport): string {
  const rows = tallies(report);
  const total = rows.reduce((sum, row) => ({ operationId: 'total', checks: sum.checks + row.checks, passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + row.skipped }), {
    operationId: 'total',
    checks: 0,
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  const width = Math.max('operationId'.length, ...rows.map((row) => row.operationId.length));
  const line = (cells: Array<string | number>) => [String(cells[0]).padEnd(width), ...cells.slice(1).map((cell) => String(cell).padStart(7))].join('  ');
  return [line(['operationId', 'checks', 'passed', 'failed', 'skipped']), ...rows.map((row) => line([row.operationId, row.checks, row.passed, row.failed, row.skipped])), line([total.operationId, total.checks, total.passed, total.failed, total.skipped])].join('\n');
}

/** The skipped checks grouped by reason, so that one missing option is one line. */
export function skippedByReason(report: VerifyReport): string[] {
  const byReason = new Map<string, string[]>();
  for (const result of report.results.filter((candidate) => candidate.outcome === 'skipped')) {
    byReason.set(result.reason!, [...(byReason.get(result.reason!) ?? []), `${result.operationId} ${result.check}`]);
  }
  return [...byReason].map(([reason, checks]) => `${checks.length} skipped: ${reason} (${checks.length > 4 ? `${checks.slice(0, 4).join(', ')}, ...` : checks.join(', ')})`);
}

/** Everything printed after the run: failures, skips, the table, the generated requests' seed, the verdict. */
export function textReport(report: VerifyReport): string {
  if (report.unreachable) return `No answer from ${report.baseUrl}: ${report.unreachable}. Is the provider running there?\n`;
  const parts: string[] = [];
  const failed = failures(report);
  if (failed.length > 0) parts.push(failed.map((result) => describeFailure(report, result)).join('\n\n'));
  const skipped = skippedByReason(report);
  if (skipped.length > 0) parts.push(skipped.join('\n'));
  parts.push(summaryTable(report));
  const notes: string[] = [];
  if (report.generated) {
    const { sent, requested, seed, discarded, exhausted } = report.generated;
    notes.push(`Generated requests: ${sent} of ${requested} sent, seed ${seed} (repeat with --seed ${seed}); ${discarded} candidates the contract refuses were discarded.`);
    if (exhausted.length > 0) notes.push(`Too few valid candidates for ${exhausted.join('; ')}.`);
  }
  if (report.webhooks.length > 0) notes.push(`Not checked: the webhooks ${report.webhooks.join(', ')} (the provider sends them; verify only calls it).`);
  const checks = plural(report.results.length, 'check');
  notes.push(failed.length === 0 ? `OK: no violation in ${checks} of ${plural(report.operations.length, 'operation')}.` : `FAILED: ${failed.length} of ${checks} found a violation.`);
  parts.push(notes.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

// XML 1.0 admits neither these control characters nor unpaired surrogates.
const escapeXml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** JUnit XML: one testsuite per operationId, one testcase per check; failures carry the request and the reason. */
export function junitXml(report: VerifyReport): string {
  const rows = tallies(report);
  const sum = (key: 'checks' | 'failed' | 'skipped') => rows.reduce((total, row) => total + row[key], 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="platform-contract verify" tests="${sum('checks')}" failures="${sum('failed')}" errors="${report.unreachable ? 1 : 0}" skipped="${sum('skipped')}">`,
  ];
  if (report.unreachable) {
    out.push(`  <testsuite name="provider" tests="1" failures="0" errors="1" skipped="0">`);
    out.push(`    <testcase classname="provider" name="reachable"><error message="${escapeXml(`no answer from ${report.baseUrl}: ${report.unreachable}`)}"/></testcase>`);
    out.push('  </testsuite>');
  }
  for (const row of rows) {
    out.push(`  <testsuite name="${escapeXml(row.operationId)}" tests="${row.checks}" failures="${row.failed}" errors="0" skipped="${row.skipped}">`);
    for (const result of report.results.filter((candidate) => candidate.operationId === row.operationId)) {
      const open = `    <testcase classname="${escapeXml(result.operationId)}" name="${escapeXml(result.check)}"`;
      if (result.outcome === 'passed') out.push(`${open}/>`);
      else if (result.outcome === 'skipped') out.push(`${open}><skipped message="${escapeXml(result.reason ?? '')}"/></testcase>`);
      else out.push(`${open}><failure message="${escapeXml(result.reason ?? '')}" type="${escapeXml(result.violations[0]?.rule ?? 'violation')}">${escapeXml(describeFailure(report, result))}</failure></testcase>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
