/**
 * A settings document that carries its own `schemaVersion` and upgrades itself step by step, so a file
 * written by any earlier DF Desk opens in this one, and anything unreadable is reported instead of guessed at.
 */
import type { z } from 'zod';

export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

export interface VersionedDocumentSpec<T extends { schemaVersion: number }> {
  /** Validates the current version. */
  schema: z.ZodType<T>;
  /** `migrations[n]` upgrades version n to n+1, so the current version is `migrations.length`. A file without
   * `schemaVersion` is version 0. */
  migrations: readonly Migration[];
  defaults(): T;
}

export type LoadedDocument<T> =
  | { ok: true; document: T; fromVersion: number; toVersion: number }
  | { ok: false; reason: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses, migrates and validates file text. Reasons are plain words and never quote the file's content. */
export function loadVersionedDocument<T extends { schemaVersion: number }>(
  spec: VersionedDocumentSpec<T>,
  text: string,
): LoadedDocument<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error; the file is not ours to echo.
    return { ok: false, reason: 'The settings file is not valid JSON.' };
  }
  if (!isPlainObject(parsed)) return { ok: false, reason: 'The settings file does not hold a settings object.' };
  const current = spec.migrations.length;
  const declared = parsed.schemaVersion ?? 0;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    return { ok: false, reason: 'The settings file has an invalid schemaVersion.' };
  }
  if (declared > current) {
    return {
      ok: false,
      reason: `The settings file was written by a newer DF Desk (schema ${declared}; this version reads up to ${current}).`,
    };
  }
  let document: Record<string, unknown> = parsed;
  for (let version = declared; version < current; version++) {
    const migration = spec.migrations[version];
    if (migration === undefined) return { ok: false, reason: `No upgrade from settings schema ${version}.` };
    try {
      document = { ...migration(structuredClone(document)), schemaVersion: version + 1 };
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : '';
      return { ok: false, reason: `The settings file could not be upgraded from schema ${version}${detail}.` };
    }
  }
  const result = spec.schema.safeParse(document);
  if (!result.success) {
    return { ok: false, reason: `The settings file does not match the expected format: ${describeIssues(result.error)}.` };
  }
  return { ok: true, document: result.data, fromVersion: declared, toVersion: current };
}
