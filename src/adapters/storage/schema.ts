// The tables both SQL engines keep, and how a stored resource reads back. A space exists once written;
// each resource has a creation sequence (`seq`), which orders lists newest first and which a
// replacement keeps. Idempotency-Key answers are kept per caller and key, with their expiry.

/** Rows fetched per step of a scan: a page of 20 costs one query, a full list one per hundred. */
export const SCAN_BATCH = 100;

/** The schema version the engines write (SQLite's user_version, PostgreSQL's mock_schema table). */
export const SCHEMA_VERSION = 1;

/** A stored resource's JSON back as a value. */
export const fromStored = (text: string): unknown => JSON.parse(text);

/** A value as stored JSON (storedBytes in the core already refused what JSON cannot write). */
export const toStored = (value: unknown): string => JSON.stringify(value);
