// Resource ids and timestamps as the services write them: a prefix plus a ULID, and ISO 8601 UTC.
import { newId } from '../mock/request-id.js';

/** A new id with the service's prefix (`rule_`, `rex_`, `txr_`, `seq_`, `step_`, `enr_`...) and a ULID. */
export function resourceId(prefix: string, now: Date): string {
  return newId(prefix, now.getTime());
}

/** ISO 8601 UTC to the second, as every example of the contract prints it (`2024-03-01T10:00:00Z`). */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The timestamp `minutes` after `from` (a comms step's delay). */
export function minutesAfter(from: string, minutes: number): string {
  return timestamp(new Date(Date.parse(from) + minutes * 60_000));
}
