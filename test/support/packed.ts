// The package as a user installs it: `npm pack` of this repository, installed into a scratch project
// beside what a frontend brings (TypeScript, Vite, msw, openapi-fetch). Made once per content of the
// tarball and shared by every test file that needs it (a lock keeps parallel files from racing).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/** The tarball's file list and a hash of their contents: the same content reuses the same project. */
async function tarballContents(): Promise<{ files: string[]; key: string }> {
  await run('npm', ['run', '-s', 'build'], { cwd: projectRoot });
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

/** The scratch project with the current tarball installed, made on first use. */
export async function packedProject(): Promise<PackedProject> {
  const { files, key } = await tarballContents();
  const cache = path.join(projectRoot, 'node_modules', '.cache', 'platform-contract-packed');
  const dir = path.join(cache, key);
  await mkdir(cache, { recursive: true });
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(dir); waited++) {
    try {
      await mkdir(lock);
    } catch {
      if (waited > 3000) throw new Error(`waited 5 minutes for another test to install the package (${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (!existsSync(dir)) await build(dir);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
  // build() packs into the folder that becomes the project.
  const tarball = (await readdir(dir)).find((file) => file.endsWith('.tgz'))!;
  return { dir, files, tarball: path.join(dir, tarball) };
}
