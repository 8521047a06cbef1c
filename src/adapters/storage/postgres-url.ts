// A `--store postgres://user:password@host:port/db` URL: checked, shown without its password, and
// every secret it holds removed from any message before the message is printed or thrown on.
import { StorageError } from './errors.js';

export interface PostgresUrl {
  /** The URL as given, for node-postgres only: never printed. */
  connectionString: string;
  /** `postgres://user@host:port/db`: no password, no query (which may carry one). */
  display: string;
  /** Removes the URL's secrets from a text. */
  scrub(text: string): string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function parsePostgresUrl(text: string): PostgresUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The text itself may be the secret: say what is wrong without repeating it.
    throw new StorageError('--store must be a URL such as postgres://user:password@host:5432/db (this one does not parse)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StorageError(`--store supports postgres:// (or postgresql://) URLs, not ${url.protocol}//`);
  }
  const secrets = new Set<string>();
  const add = (secret: string) => {
    if (secret.length === 0) return;
    secrets.add(secret);
    try {
      secrets.add(decodeURIComponent(secret));
    } catch {
      // Not percent-encoded text: the raw form is enough.
    }
  };
  add(url.password);
  for (const [name, value] of url.searchParams) if (/pass|secret|key|token/i.test(name)) add(value);
  // Longest first, so that a secret containing another is removed whole.
  const patterns = [...secrets].sort((a, b) => b.length - a.length).map((secret) => new RegExp(escapeRegExp(secret), 'g'));
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return {
    connectionString: text,
    display: `${url.protocol}//${user}${url.host}${url.pathname}`,
    scrub: (message) => patterns.reduce((scrubbed, pattern) => scrubbed.replace(pattern, '***'), message),
  };
}

/** The same error with its message and stack scrubbed (node-postgres errors carry extra fields; they stay). */
export function scrubError(error: unknown, url: PostgresUrl): unknown {
  if (!(error instanceof Error)) return new Error(url.scrub(String(error)));
  error.message = url.scrub(error.message);
  if (error.stack) error.stack = url.scrub(error.stack);
  return error;
}
