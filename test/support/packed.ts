// The package as a user installs it: `npm pack` of this repository, installed into a scratch project
// beside what a frontend brings (TypeScript, Vite, msw, openapi-fetch). Made once per content of the
// tarball and shared by every test file that needs it (a lock keeps parallel files from racing).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './contract.js';

const run = promisify(execFile);

/** What a frontend project installs beside the package (versions as this repository pins them). */
const CONSUMER_PACKAGES = ['typescript', 'vite', 'msw', 'openapi-fetch'];

export interface PackedProject {
  /** The scratch project: node_modules/platform-contract is the packed tarball, installed. */
  dir: string;
  /** The files the tarball holds. */
  files: string[];
  /** The tarball itself, to install beside other packages (another msw major) in a project of one's own. */
  tarball: string;
}

async function pinned(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${manifest.version}`;
}

/**
 * The tarball's file list and a hash of their contents: the same content reuses the same project.
 * dist/ is what the tests' global setup (test/support/global-setup.ts) built for this run.
 */
async function tarballContents(): Promise<{ files: string[]; key: string }> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 });
  const files = (JSON.parse(stdout)[0].files as Array<{ path: string }>).map((file) => file.path).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(path.join(projectRoot, file)));
  return { files, key: hash.digest('hex').slice(0, 16) };
}

async function build(dir: string): Promise<void> {
  const staging = `${dir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', staging], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 });
  const tarball = JSON.parse(stdout)[0].filename as string;
  await writeFile(path.join(staging, 'package.json'), JSON.stringify({ name: 'frontend-app', private: true, type: 'module' }, null, 2));
  const extras = await Promise.all(CONSUMER_PACKAGES.map(pinned));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`, ...extras], { cwd: staging, maxBuffer: 16 * 1024 * 1024 });
  await rename(staging, dir);
}

/**
 * The project at `base` with `packages` installed over it (another msw major), built in a hard-linked
 * copy: npm unlinks what it replaces and writes new files, so the base keeps its own. The files npm
 * rewrites in place (the manifests and lockfiles) are real copies first.
 */
async function buildVariant(base: string, dir: string, packages: string[]): Promise<void> {
  const staging = `${dir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await run('cp', ['-al', base, staging]);
  for (const file of ['package.json', 'package-lock.json', 'node_modules/.package-lock.json']) {
    const content = await readFile(path.join(staging, file));
    await rm(path.join(staging, file));
    await writeFile(path.join(staging, file), content);
  }
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...packages], { cwd: staging, maxBuffer: 16 * 1024 * 1024 });
  await rename(staging, dir);
}

/** Projects of other tarball contents unused for a day: each is a few hundred MB. */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;

/** Removes the projects of `cache` no test has used for UNUSED_FOR_MS (packedProject marks each use). */
async function pruneUnused(cache: string): Promise<void> {
  for (const entry of await readdir(cache)) {
    const folder = path.join(cache, entry);
    const { mtimeMs } = await stat(folder);
    if (Date.now() - mtimeMs > UNUSED_FOR_MS && !entry.endsWith('.lock')) await rm(folder, { recursive: true, force: true });
  }
}

/** Whether the process that took a lock (its pid in the lock folder) still runs: a killed run's lock is stale. */
function holderAlive(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(path.join(lock, 'pid'), 'utf8')), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes `dir` with `make` unless it exists, one process at a time (test files run in parallel workers). */
async function once(dir: string, make: () => Promise<void>): Promise<void> {
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(dir); waited++) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
    } catch {
      // A lock whose holder is gone (or that never got its pid written, after a second) is taken over.
      if (waited > 10 && !holderAlive(lock)) await rm(lock, { recursive: true, force: true });
      if (waited > 3000) throw new Error(`waited 5 minutes for another test to install the package (${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (!existsSync(dir)) await make();
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/**
 * The scratch project with the current tarball installed, made on first use; with `packages`
 * (`['msw@3.0.5']`), a project of its own where those versions replace the ones installed beside it.
 */
export async function packedProject(packages: string[] = []): Promise<PackedProject> {
  const { files, key } = await tarballContents();
  const cache = path.join(projectRoot, 'node_modules', '.cache', 'platform-contract-packed');
  await mkdir(cache, { recursive: true });
  const base = path.join(cache, key);
  await once(base, async () => {
    await build(base);
    await pruneUnused(cache);
  });
  const dir = packages.length === 0 ? base : path.join(cache, `${key}+${packages.join('+').replaceAll('/', '_')}`);
  if (dir !== base) await once(dir, () => buildVariant(base, dir, packages));
  // Marks the projects as used, for pruneUnused.
  const now = new Date();
  await Promise.all([base, dir].map((used) => utimes(used, now, now)));
  // build() packs into the folder that becomes the project.
  const tarball = (await readdir(dir)).find((file) => file.endsWith('.tgz'))!;
  return { dir, files, tarball: path.join(dir, tarball) };
}
