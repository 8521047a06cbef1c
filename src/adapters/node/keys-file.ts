// The keys file (`--keys`): YAML read with line numbers, checked by the core's readKeys, so every
// problem is one line naming the file, the line and column, and the JSON pointer.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { ScopeDefinition } from '../../core/contract.js';
import { toPointer } from '../../core/json-pointer.js';
import { KeysError, readKeys, type KeyRing } from '../../core/keys.js';
import { KeysFileError } from './startup-errors.js';

/** More aliases than this is not a keys file but an attack on the parser (a "billion laughs" file). */
const MAX_ALIASES = 100;

export function parseKeysFile(file: string, text: string, scopes: ScopeDefinition[] | undefined): KeyRing {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (document.errors.length > 0) throw new KeysFileError(`${at(document.errors[0].pos[0])}: not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new KeysFileError(`${file}: not a usable keys file: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    return readKeys(value, scopes);
  } catch (error) {
    if (!(error instanceof KeysError)) throw error;
    // The closest node that exists gives the line: a missing property is reported at its parent.
    let node: unknown;
    for (let length = error.path.length; length >= 0 && !node; length--) {
      node = length === 0 ? document.contents : document.getIn(error.path.slice(0, length), true);
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    throw new KeysFileError(`${range ? at(range[0]) : `${file}:1:1`}: ${toPointer(error.path) || '/'}: ${error.problem}`);
  }
}

/** Reads and checks a keys file; a missing or unreadable file is a KeysFileError too. */
export async function loadKeysFile(file: string, scopes: ScopeDefinition[] | undefined): Promise<KeyRing> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeysFileError(`${file}: ${code === 'ENOENT' ? 'keys file not found' : `cannot read keys file (${code ?? String(error)})`}`);
  }
  return parseKeysFile(file, text, scopes);
}
