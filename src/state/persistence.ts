// The state file (`--state-file`): read and checked once at start, so a corrupt file stops the mock with
// one line instead of being dropped, and written atomically (temp file, then rename) after changes.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { toPointer } from '../mock/json-pointer.js';
import { StateFileError } from '../mock/startup-errors.js';
import { STATE_VERSION, type StateDocument, type StatefulService } from './store.js';

export { StateFileError };

type SchemaName = 'Rule' | 'RuleExecution' | 'Transfer' | 'EmailSequence' | 'CommsSequence' | 'CommsEnrollment';

/** Each space's collections and the contract schema their resources follow. */
const COLLECTIONS: Record<StatefulService, Record<string, SchemaName>> = {
  rules: { rules: 'Rule', rule_executions: 'RuleExecution', transfers: 'Transfer' },
  sequences: { sequences: 'EmailSequence' },
  comms: { sequences: 'CommsSequence', enrollments: 'CommsEnrollment' },
};

const ROOT_PROPERTIES = ['version', 'rules', 'sequences', 'comms'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

type Validate = (name: SchemaName, value: unknown) => { valid: true } | { valid: false; errors: Array<{ path: string; message: string }> };

/**
 * Checks a state document: its layout, and every stored resource against its schema in the contract,
 * so that what the mock answers from it still conforms. Fails at the first problem, with its pointer.
 */
export function checkStateDocument(file: string, document: unknown, validate: Validate): StateDocument {
  const fail = (path: Array<string | number>, message: string): never => {
    throw new StateFileError(`${file}: ${toPointer(path) || '/'}: ${message}`);
  };
  if (!isRecord(document)) return fail([], `must be an object { ${ROOT_PROPERTIES.join(', ')} }`);
  for (const name of Object.keys(document)) {
    if (!ROOT_PROPERTIES.includes(name)) fail([name], `unknown property (expected ${ROOT_PROPERTIES.join(', ')})`);
  }
  if (document.version !== STATE_VERSION) {
    fail(['version'], `must be ${STATE_VERSION} (the version of state files this mock writes), not ${JSON.stringify(document.version)}`);
  }
  for (const [service, collections] of Object.entries(COLLECTIONS)) {
    const spaces = document[service];
    if (!isRecord(spaces)) fail([service], 'must be an object of spaces by owner');
    for (const [owner, space] of Object.entries(spaces as Record<string, unknown>)) {
      const at = [service, owner];
      if (!isRecord(space)) fail(at, `must be an object { ${Object.keys(collections).join(', ')} }`);
      const names = Object.keys(collections);
      for (const name of Object.keys(space as object)) if (!names.includes(name)) fail([...at, name], `unknown collection (expected ${names.join(', ')})`);
      for (const [name, schema] of Object.entries(collections)) {
        const record = (space as Record<string, unknown>)[name];
        if (!isRecord(record)) fail([...at, name], 'must be an object of resources by id');
        for (const [id, stored] of Object.entries(record as Record<string, unknown>)) {
          let path = [...at, name, id];
          let resource = stored;
          if (service === 'rules' && name === 'rules') {
            // A stored rule is { rule, deleted_at } (deleting only marks it).
            if (!isRecord(stored) || !('rule' in stored)) fail(path, 'must be an object { rule, deleted_at }');
            const { rule, deleted_at, ...rest } = stored as Record<string, unknown>;
            if (Object.keys(rest).length > 0) fail([...path, Object.keys(rest)[0]], 'unknown property (expected rule, deleted_at)');
            if (deleted_at !== null && (typeof deleted_at !== 'string' || Number.isNaN(Date.parse(deleted_at)))) {
              fail([...path, 'deleted_at'], 'must be null or an ISO 8601 timestamp');
            }
            path = [...path, 'rule'];
            resource = rule;
          }
          const result = validate(schema, resource);
          if (!result.valid) {
            const [first] = result.errors;
            throw new StateFileError(`${file}: ${toPointer(path)}${first.path}: not a valid ${schema}: ${first.message}`);
          }
          if ((resource as { id: string }).id !== id) fail([...path, 'id'], `must be "${id}", the key it is stored under`);
        }
      }
    }
  }
  return document as unknown as StateDocument;
}

/** The state file's document, or undefined when there is no file yet. Any other problem is a StateFileError. */
export async function readStateFile(file: string): Promise<StateDocument | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new StateFileError(`${file}: cannot read state file (${code ?? String(error)})`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  // Loaded only when there is a file to check: the validators are large, and in-memory state never needs them.
  const { validateSchema } = await import('../../generated/validators.js');
  return checkStateDocument(file, document, validateSchema as Validate);
}

let temporaryFiles = 0;

/** Writes `text` to `file` so that a reader (or a crash) sees the old file or the new one, never half of one. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${++temporaryFiles}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/**
 * Writes the state after changes, one write at a time: changes made while a write runs are saved by
 * the next one, so a burst of requests costs a few writes, not one each.
 */
export class StateFileWriter {
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly snapshot: () => StateDocument,
    private readonly report: (error: Error) => void,
  ) {}

  /** The state changed: save it soon. */
  schedule(): void {
    this.dirty = true;
    this.writing ??= this.drain();
  }

  /** Resolves once every change so far is on disk (or reported as not writable). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Writes now, failing with a StateFileError (at start, to catch an unwritable path early). */
  async writeNow(): Promise<void> {
    try {
      await writeAtomically(this.file, serialize(this.snapshot()));
    } catch (error) {
      throw new StateFileError(`${this.file}: cannot write state file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        await writeAtomically(this.file, serialize(this.snapshot()));
      }
    } catch (error) {
      this.report(error as Error);
    } finally {
      this.writing = undefined;
    }
  }
}

function serialize(document: StateDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
