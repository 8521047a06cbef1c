#!/usr/bin/env node
// `platform-contract`: the package's command line. Each subcommand lives in its own module; this
// file only dispatches, and turns a usage mistake into one line and exit code 2.
import { readFileSync } from 'node:fs';
import { runDiff } from './diff.js';
import { runMock } from './mock.js';
import { runVerify } from './verify.js';

const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };

interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  mock: { summary: 'serve the contract as a mock API (see `platform-contract mock --help`)', run: (argv) => runMock(argv) },
  verify: { summary: 'check a running server against the contract (see `platform-contract verify --help`)', run: (argv) => runVerify(argv) },
  diff: { summary: 'list the changes between two contracts, breaking ones first (see `platform-contract diff --help`)', run: (argv) => runDiff(argv, io) },
};

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

export const USAGE = `Usage: platform-contract <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

Options:
  -h, --help     show this help (or a command's, after its name)
  -v, --version  print the package version`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`platform-contract: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}; see --help)\n`);
    return 2;
  }
  return command.run(rest);
}

// A reader that stops early (`| head`) is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
