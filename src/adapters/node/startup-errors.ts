// The failures `npm start` reports as one line (and exit code 1) rather than as a stack trace.

/** The spec is missing, unreadable, not OpenAPI 3.x, or has an invalid `x-permission` / `x-scopes`. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** The keys file is missing or breaks its format; the message names file, line and JSON pointer. */
export class KeysFileError extends Error {
  override name = 'KeysFileError';
}

/** The server cannot listen (port in use, unknown address...). */
export class ListenError extends Error {
  override name = 'ListenError';
}

/** A bad command-line option or environment variable. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The stateful mode's state file is unreadable or corrupt; the message names the file and what is wrong. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}
