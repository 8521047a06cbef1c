// `platform-contract diff BASE HEAD [--format text|markdown|json]`: lists the changes between two
// contract documents (files, or `git:REF` for this repository's openapi.yaml at a revision), breaking
// first; exit 1 when one is breaking. Also the CI check against the latest release tag (`check:breaking`).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpecFile, type SpecFile } from '../adapters/node/spec-file.js';
import { SpecError, UsageError } from '../adapters/node/startup-errors.js';
import { diffContracts } from '../diff/diff.js';
import { FORMATS, formatReport, plural, type Format } from '../diff/format.js';
import { unresolvedReference } from '../diff/references.js';
import { judgeRelease, latestReleaseTag } from '../diff/release.js';

export interface DiffIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

export const DIFF_USAGE = 'usage: platform-contract diff BASE HEAD [--format text|markdown|json]';
const HELP = `${DIFF_USAGE}

BASE and HEAD are contract documents: a file (openapi.yaml with its $refs, or a bundled JSON), or
git:REF[:FILE] for this repository's openapi.yaml (or FILE) at a revision (git:main, git:v1.2.0).
Lists every change, breaking first. Exit 1 when a change is breaking, 0 otherwise, 2 on bad input.
`;

/** The contract file of this repository that `git:REF` names when no file is given. */
const CONTRACT_FILE = 'openapi.yaml';

class GitError extends Error {
  constructor(readonly args: string[], readonly stderr: string, readonly missing: boolean) {
    super(missing ? 'git is not installed (or not on PATH)' : `git ${args.join(' ')}: ${stderr.trim().split('\n')[0] ?? 'failed'}`);
  }
}

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new GitError(args, String(stderr), (error as NodeJS.ErrnoException).code === 'ENOENT'));
      else resolve(String(stdout));
    });
  });
}

async function repositoryRoot(cwd: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (error) {
    if (error instanceof GitError && error.missing) throw new SpecError(error.message);
    return undefined;
  }
}

/**
 * The contract at a revision: the revision's whole tree is written to a temporary folder through a
 * temporary index (so that its $refs resolve, and the repository's own index and files stay as they
 * are), loaded, and removed.
 */
async function loadRevision(source: string, cwd: string): Promise<SpecFile> {
  const spec = source.slice('git:'.length);
  const separator = spec.indexOf(':');
  const ref = separator === -1 ? spec : spec.slice(0, separator);
  const file = separator === -1 ? CONTRACT_FILE : spec.slice(separator + 1);
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`${source}: name a revision after "git:" (git:main, git:v1.2.0)`);
  const root = await repositoryRoot(cwd);
  if (!root) throw new SpecError(`${source}: ${cwd} is not in a git repository`);
  let commit: string;
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root)).trim();
  } catch {
    throw new SpecError(`${source}: no revision ${ref} in the repository at ${root}`);
  }
  try {
    await git(['cat-file', '-e', `${commit}:${file}`], root);
  } catch {
    throw new SpecError(`${source}: the repository has no ${file} at ${ref}`);
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'platform-contract-diff-'));
  const tree = path.join(folder, 'tree');
  try {
    const env = { ...process.env, GIT_INDEX_FILE: path.join(folder, 'index') };
    await git(['read-tree', commit], root, env);
    await git(['checkout-index', '--all', `--prefix=${tree}${path.sep}`], root, env);
    try {
      return await loadSpecFile(path.join(tree, file));
    } catch (error) {
      if (error instanceof SpecError) throw new SpecError(error.message.split(`${tree}${path.sep}`).join(`${source.split(':').slice(0, 2).join(':')}:`));
      throw error;
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A file path (relative to `cwd`) or `git:REF[:FILE]`, every local `$ref` of which resolves. */
export async function loadContract(source: string, cwd: string): Promise<SpecFile> {
  const spec = source.startsWith('git:') ? await loadRevision(source, cwd) : await loadSpecFile(path.resolve(cwd, source));
  const unresolved = unresolvedReference(spec.document);
  if (unresolved) throw new SpecError(`${source}: ${unresolved.pointer}: $ref "${unresolved.ref}" does not resolve`);
  return spec;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

function parseFormat(value: string | undefined): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
  return format as Format;
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own sentence, without its advice on positionals that start with "-".
    throw new UsageError(firstLine(error).split('. ')[0]!);
  }
}

export async function runDiff(argv: string[], io: DiffIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const format = parseFormat(values.format);
    if (positionals.length !== 2) throw new UsageError(positionals.length < 2 ? 'needs BASE and HEAD' : `takes BASE and HEAD only, not ${positionals.slice(2).join(' ')}`);
    const [baseSource, headSource] = positionals as [string, string];
    const base = await loadContract(baseSource, io.cwd);
    const head = await loadContract(headSource, io.cwd);
    const report = diffContracts(base, head);
    io.stdout.write(formatReport(format, report, { base: baseSource, head: headSource }));
    return report.summary.breaking > 0 ? 1 : 0;
  } catch (error) {
    const usage = error instanceof UsageError ? ` (${DIFF_USAGE})` : '';
    io.stderr.write(`platform-contract diff: ${firstLine(error)}${usage}\n`);
    return 2;
  }
}

const CHECK = 'check:breaking';

/**
 * The CI check: HEAD is this repository's openapi.yaml as it is in the working tree, BASE the same
 * file at the latest release tag `v*`. A breaking change fails unless `info.version`'s major was
 * raised. Without a release tag (none yet, or a shallow clone without tags) it is skipped in one line.
 */
export async function runCheckBreaking(argv: string[], io: DiffIo): Promise<number> {
  try {
    const { values } = parse(argv);
    const format = parseFormat(values.format);
    let root: string | undefined;
    try {
      root = await repositoryRoot(io.cwd);
    } catch (error) {
      // Without git there are no tags to compare with (an installed package, a bare container).
      io.stdout.write(`${CHECK}: skipped, ${firstLine(error)}.\n`);
      return 0;
    }
    if (!root) {
      io.stdout.write(`${CHECK}: skipped, ${io.cwd} is not in a git repository.\n`);
      return 0;
    }
    const tag = latestReleaseTag((await git(['tag', '--list', 'v*'], root)).split('\n').map((line) => line.trim()));
    if (!tag) {
      const shallow = (await git(['rev-parse', '--is-shallow-repository'], root)).trim() === 'true';
      io.stdout.write(shallow
        ? `${CHECK}: skipped, this shallow clone has no release tag v* (fetch them with: git fetch --tags --unshallow).\n`
        : `${CHECK}: skipped, the repository has no release tag v* yet.\n`);
      return 0;
    }
    const base = await loadContract(`git:${tag}`, root);
    const head = await loadContract(CONTRACT_FILE, root);
    const report = diffContracts(base, head);
    const verdict = judgeRelease(report.summary.breaking, base.contract.version, head.contract.version);
    const versions = `info.version ${base.contract.version} at ${tag}, ${head.contract.version} now`;
    if (verdict.ok && verdict.reason === 'no-breaking') {
      io.stdout.write(`${CHECK}: no breaking change since ${tag} (${report.summary.compatible} compatible).\n`);
      return 0;
    }
    if (verdict.ok) {
      io.stdout.write(`${CHECK}: ${plural(report.summary.breaking, 'breaking change')} since ${tag}, allowed: the major version was raised (${versions}).\n`);
      return 0;
    }
    io.stdout.write(formatReport(format, report, { base: `git:${tag}`, head: CONTRACT_FILE }));
    io.stderr.write(`${CHECK}: ${plural(report.summary.breaking, 'breaking change')} since ${tag} without a new major version (${versions}): ` +
      'raise the major of info.version or make the changes compatible.\n');
    return 1;
  } catch (error) {
    io.stderr.write(`${CHECK}: ${firstLine(error)}\n`);
    return 2;
  }
}
