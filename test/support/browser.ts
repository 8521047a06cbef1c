// The tests' one real browser, driven by playwright-core: Debian's Chromium when it is installed
// (the package chromium), otherwise the headless Chromium shipped in the npm
// package @sparticuz/chromium, which needs no system package and no download. TEST_BROWSER chooses
// instead: `packaged` for the npm package's, or the path of another Chromium. Either way it cannot
// reach any host but this machine.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

import sparticuz from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

export interface TestBrowser {
  browser: Browser;
  /** Which Chromium runs: "Debian's Chromium (/usr/lib/chromium/chromium)" or "@sparticuz/chromium 147.0.0 (…)". */
  name: string;
  /**
   * Every request the browser tried to send to a host other than this machine, as
   * "GET http://host/path" or "CONNECT host:443"; each was refused. Pages, service workers and the
   * browser's own background services all go through this record, less the few a full Chromium
   * makes by itself at start (FULL_CHROMIUM_OWN_REQUESTS).
   */
  readonly otherHostRequests: string[];
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const PACKAGE_ENTRY = require.resolve('@sparticuz/chromium'); // node_modules/@sparticuz/chromium/build/cjs/index.cjs
const PACKAGE_DIR = path.resolve(path.dirname(PACKAGE_ENTRY), '..', '..');
const PACKAGE_VERSION: string = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')).version;
// Beside the install it came from, so `npm ci` replaces it together with the package, and never
// in /tmp, which may be mounted noexec or shared with another project's copy.
const UNPACKED_DIR = path.resolve(PACKAGE_DIR, '..', '..', '.cache', `sparticuz-chromium-${PACKAGE_VERSION}`);

/**
 * The npm package's own switches (its chromium.args), less what would make this browser unlike a
 * reader's or break the tests:
 * - `--single-process`: the browser dies when a second context opens pages after the first
 *   context closed ("Target page, context or browser has been closed"); every Service Worker test
 *   needs a fresh context. The package wants it on AWS Lambda only.
 * - `--disable-web-security`, `--allow-running-insecure-content`, `--disable-site-isolation-trials`:
 *   they switch off CORS and mixed-content blocking, so a page would pass here and fail for a
 *   reader (the mock's CORS and MSW pages must meet the real rules).
 * - `--disable-features=…` and `--enable-features=…`: Chromium keeps only the last of a repeated
 *   switch, so these would replace Playwright's own lists, which turn off the browser's start-up
 *   requests to Google (OptimizationHints, NetworkTimeServiceQuerying, PreconnectToSearch…); and
 *   the enabled SharedArrayBuffer is not there for a reader's page either.
 * Playwright adds `--headless`, `--no-sandbox`, `--disable-background-networking`,
 * `--disable-component-update` and the rest of its defaults itself.
 */
const DROPPED_ARGS = ['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials'];
const DROPPED_ARG_PREFIXES = ['--disable-features=', '--enable-features='];
const BROWSER_ARGS = sparticuz.args.filter(
  (arg) => !DROPPED_ARGS.includes(arg) && !DROPPED_ARG_PREFIXES.some((prefix) => arg.startsWith(prefix)),
);

/**
 * Unpacks the package's brotli archives once into UNPACKED_DIR: the browser, its SwiftShader GL
 * libraries, its fonts, and its own copies of NSS and expat (the only shared libraries it needs
 * beyond glibc), so no system package is involved.
 *
 * The package's `executablePath()` always unpacks into os.tmpdir() and treats an existing
 * `chromium` file there as done, so two test workers starting together launch a half-written file
 * (spawn ETXTBSY), and an interrupted unpack stays broken. It is therefore run in a child process
 * whose TMPDIR is a fresh staging folder, which is then renamed into place: a rename is atomic, and
 * when two workers race, the loser's copy is dropped. AWS_EXECUTION_ENV makes the package unpack
 * NSS and expat as well, which it otherwise does only on Amazon Linux 2023.
 */
async function unpackedBrowser(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The tests' browser is the Linux x64 headless Chromium of @sparticuz/chromium ${PACKAGE_VERSION}; this machine is ${process.platform} ${process.arch}.`);
  }
  if (existsSync(path.join(UNPACKED_DIR, 'chromium'))) return UNPACKED_DIR;
  await mkdir(path.dirname(UNPACKED_DIR), { recursive: true });
  const staging = await mkdtemp(`${UNPACKED_DIR}.partial-`);
  try {
    const unpack = `require(process.argv[1]).executablePath().then((file) => process.stdout.write(file))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', unpack, PACKAGE_ENTRY], {
      env: { ...process.env, TMPDIR: staging, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' },
    }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`Could not unpack the headless Chromium of @sparticuz/chromium ${PACKAGE_VERSION} into ${staging}: ${error.stderr || error.message}`);
    });
    if (stdout !== path.join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked its browser to ${stdout}, not into ${staging}`);
    // The package's fonts.conf names /tmp/fonts; point it at this copy, and keep the system's fonts when there are any.
    await writeFile(
      path.join(staging, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(UNPACKED_DIR, 'fonts')}</dir>\n  <cachedir>${path.join(UNPACKED_DIR, 'fonts-cache')}</cachedir>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n</fontconfig>\n`,
    );
    await rename(staging, UNPACKED_DIR).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(path.join(UNPACKED_DIR, 'chromium'))) throw error; // else another worker finished first
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return UNPACKED_DIR;
}

/**
 * A local HTTP proxy that refuses and records every request. The browser sends it all traffic for
 * other hosts (it connects to 127.0.0.1 and localhost directly), so nothing leaves the machine
 * even where there is a network, and not even a DNS lookup is made.
 */
async function startRefusingProxy(refused: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const proxy = http.createServer((request, response) => {
    refused.push(`${request.method} ${request.url}`);
    response.writeHead(502, { 'content-type': 'text/plain' }).end('refused: the test browser contacts no other host');
  });
  proxy.on('connect', (request, socket) => {
    refused.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      proxy.closeAllConnections();
      proxy.close(() => resolve());
    }),
  };
}

/**
 * Debian's Chromium, where the package chromium is installed: its binary, not the /usr/bin/chromium
 * launcher script, which sources /etc/chromium.d/ and so exports Google API keys (with them the
 * browser signs in to accounts.google.com at start) and adds flags of its own.
 */
const SYSTEM_CHROMIUM = '/usr/lib/chromium/chromium';

/**
 * What a full Chromium asks of Google by itself once its network is up, whatever page it shows: the
 * signed-in accounts (IdentityManager's ListAccounts: none of the switches tried here turned it off in
 * Chromium 150, and the feature Playwright enables against it came later) and push messaging. The proxy refuses them like
 * any other; they are left out of otherHostRequests because no page made them. The npm package's
 * build, a headless shell without sign-in or push, makes none.
 */
const FULL_CHROMIUM_OWN_REQUESTS = ['CONNECT accounts.google.com:443', 'CONNECT android.clients.google.com:443'];

interface Chromium {
  name: string;
  executablePath: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The requests this browser makes by itself (see FULL_CHROMIUM_OWN_REQUESTS). */
  ownRequests: string[];
}

/** A Chromium installed on the system: Playwright's own switches (headless, no sandbox…) suit it, plus no GPU. */
function systemChromium(executablePath: string): Chromium {
  const name = executablePath === SYSTEM_CHROMIUM ? `Debian's Chromium (${executablePath})` : `Chromium at ${executablePath}`;
  return { name, executablePath, args: ['--disable-gpu'], env: process.env, ownRequests: FULL_CHROMIUM_OWN_REQUESTS };
}

/** The npm package's Chromium, unpacked with the libraries and fonts it brings. */
async function packagedChromium(): Promise<Chromium> {
  const dir = await unpackedBrowser();
  const executablePath = path.join(dir, 'chromium');
  return {
    name: `@sparticuz/chromium ${PACKAGE_VERSION} (${executablePath})`,
    executablePath,
    args: BROWSER_ARGS,
    env: {
      ...process.env,
      LD_LIBRARY_PATH: [path.join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: path.join(dir, 'fonts'),
    },
    ownRequests: [],
  };
}

/** The Chromium TEST_BROWSER names, else Debian's when installed, else the npm package's. */
async function findChromium(): Promise<Chromium> {
  const chosen = process.env.TEST_BROWSER;
  if (chosen === 'packaged') return packagedChromium();
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`TEST_BROWSER names ${chosen}, which does not exist (give the path of a Chromium, or "packaged")`);
    return systemChromium(chosen);
  }
  return existsSync(SYSTEM_CHROMIUM) ? systemChromium(SYSTEM_CHROMIUM) : packagedChromium();
}

/** Launches the headless Chromium; close it with `close()`, which also stops its proxy. */
export async function launchBrowser(): Promise<TestBrowser> {
  const chromium = await findChromium();
  const refused: string[] = [];
  const proxy = await startRefusingProxy(refused);
  let browser: Browser;
  try {
    browser = await playwright.launch({
      executablePath: chromium.executablePath,
      headless: true,
      args: chromium.args,
      // Playwright otherwise sends loopback through the proxy too (it adds `<-loopback>`).
      proxy: { server: proxy.url, bypass: 'localhost,127.0.0.1,[::1]' },
      env: chromium.env,
    });
  } catch (error) {
    await proxy.close();
    throw new Error(`${chromium.name} did not start: ${(error as Error).message}`);
  }
  return {
    browser,
    name: chromium.name,
    get otherHostRequests() {
      return refused.filter((request) => !chromium.ownRequests.includes(request));
    },
    close: async () => {
      await browser.close();
      await proxy.close();
    },
  };
}
