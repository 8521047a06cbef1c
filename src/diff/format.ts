// The diff's three outputs: text for a terminal, markdown for a pull-request comment, and JSON for
// machines. Breaking changes come first in each.
import { DOCUMENT, type DiffReport } from './diff.js';
import type { Finding } from './findings.js';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** What was compared, as the user named it: a file, or `git:REF`. */
export interface Labels {
  base: string;
  head: string;
}

/** Breaking findings first, each group in the order of the report. */
const breakingFirst = (findings: Finding[]) => [...findings.filter((finding) => finding.kind === 'breaking'), ...findings.filter((finding) => finding.kind !== 'breaking')];

/** The findings of each operation, operations with a breaking change first, the document last of its kind. */
function byOperation(report: DiffReport): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of report.findings) groups.set(finding.operationId, [...(groups.get(finding.operationId) ?? []), finding]);
  const rank = ([operationId, findings]: [string, Finding[]]) => (findings.some((finding) => finding.kind === 'breaking') ? 0 : 2) + (operationId === DOCUMENT ? 1 : 0);
  return [...groups].map(([id, findings]) => [id, breakingFirst(findings)] as [string, Finding[]]).sort((a, b) => rank(a) - rank(b));
}

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function summaryLine(report: DiffReport): string {
  const { breaking, compatible } = report.summary;
  if (breaking + compatible === 0) return 'No changes.';
  const operations = new Set(report.findings.map((finding) => finding.operationId).filter((id) => id !== DOCUMENT)).size;
  return `${plural(breaking, 'breaking change')}, ${plural(compatible, 'compatible change')} (${plural(operations, 'operation')}${report.findings.some((finding) => finding.operationId === DOCUMENT) ? ' and the document' : ''}).`;
}

const heading = (report: DiffReport, operationId: string) => (operationId === DOCUMENT ? 'document' : `${operationId}  ${report.operations[operationId] ?? ''}`.trimEnd());

export function formatText(report: DiffReport, labels: Labels): string {
  const lines = [`Contract diff: ${labels.base} -> ${labels.head}`, ''];
  for (const [operationId, findings] of byOperation(report)) {
    lines.push(heading(report, operationId));
    for (const finding of findings) {
      lines.push(`  ${finding.kind === 'breaking' ? 'BREAKING  ' : 'compatible'}  ${finding.message}`);
      lines.push(`              at ${finding.pointer}${finding.side === 'base' ? ' (in BASE)' : ''}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** A pull-request comment holds at most 65,536 characters; the rest is for a local run. */
const MAX_ROWS = { breaking: 200, compatible: 100 };

function table(report: DiffReport, findings: Finding[], limit: number): string[] {
  const rows = ['| Operation | Change | Where |', '| --- | --- | --- |'];
  for (const finding of findings.slice(0, limit)) {
    const operation = finding.operationId === DOCUMENT ? 'document' : `${code(finding.operationId)} ${cell(report.operations[finding.operationId] ?? '')}`.trimEnd();
    rows.push(`| ${operation} | ${cell(finding.message)} | ${code(finding.pointer)}${finding.side === 'base' ? ' (BASE)' : ''} |`);
  }
  if (findings.length > limit) rows.push('', `…and ${findings.length - limit} more: run \`platform-contract diff\` for the whole list.`);
  return rows;
}

/** The marker a CI job looks for to update its own comment instead of adding one per push. */
export const MARKDOWN_MARKER = '<!-- platform-contract diff -->';

export function formatMarkdown(report: DiffReport, labels: Labels): string {
  const { breaking, compatible } = report.summary;
  const title = breaking > 0 ? `Contract diff: ${plural(breaking, 'breaking change')}` : 'Contract diff: no breaking change';
  const lines = [MARKDOWN_MARKER, `## ${title}`, '', `${code(labels.base)} → ${code(labels.head)}: ${summaryLine(report)}`, ''];
  const ordered = byOperation(report).flatMap(([, findings]) => findings);
  const breakingFindings = ordered.filter((finding) => finding.kind === 'breaking');
  const compatibleFindings = ordered.filter((finding) => finding.kind === 'compatible');
  if (breakingFindings.length > 0) {
    lines.push(`### Breaking changes (${breaking})`, '', 'Clients built against the base may fail against this contract.', '', ...table(report, breakingFindings, MAX_ROWS.breaking), '');
  }
  if (compatibleFindings.length > 0) {
    lines.push(`### Compatible changes (${compatible})`, '', '<details><summary>Show them</summary>', '', ...table(report, compatibleFindings, MAX_ROWS.compatible), '', '</details>', '');
  }
  return `${lines.join('\n')}`;
}

export function formatJson(report: DiffReport, labels: Labels): string {
  return `${JSON.stringify({ base: labels.base, head: labels.head, summary: report.summary, operations: report.operations, findings: breakingFirst(report.findings) }, null, 2)}\n`;
}

export function formatReport(format: Format, report: DiffReport, labels: Labels): string {
  switch (format) {
    case 'text':
      return formatText(report, labels);
    case 'markdown':
      return formatMarkdown(report, labels);
    case 'json':
      return formatJson(report, labels);
  }
}
