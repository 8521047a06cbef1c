// The storage engines' failures that the command line prints as one line: a state file in use by
// another mock, a missing SQLite driver, a PostgreSQL server that cannot be reached. Their messages
// never hold a password (postgres.ts removes it before one is made).

export class StorageError extends Error {
  override name = 'StorageError';
}
