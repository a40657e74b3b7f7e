import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { VersionedDocumentSpec } from '../../../../electron/main/adapters/versioned-document.ts';
import { loadVersionedDocument } from '../../../../electron/main/adapters/versioned-document.ts';

// A toy document: v0 had `n` as a string, v1 made it a number, v2 renamed it to `count`.
const schema = z.object({ schemaVersion: z.literal(2), count: z.number().int() });
const spec: VersionedDocumentSpec<z.infer<typeof schema>> = {
  schema,
  migrations: [
    (doc) => ({ ...doc, n: Number(doc.n ?? 0) }),
    ({ n, ...rest }) => {
      if (n === -1) throw new Error('cannot upgrade -1');
      return { ...rest, count: n };
    },
  ],
  defaults: () => ({ schemaVersion: 2, count: 0 }),
};

describe('loadVersionedDocument', () => {
  it('reads a current document as is', () => {
    expect(loadVersionedDocument(spec, '{"schemaVersion":2,"count":5}')).toEqual({
      ok: true,
      document: { schemaVersion: 2, count: 5 },
      fromVersion: 2,
      toVersion: 2,
    });
  });

  it('runs every step from a file without schemaVersion (version 0)', () => {
    expect(loadVersionedDocument(spec, '{"n":"7"}')).toEqual({
      ok: true,
      document: { schemaVersion: 2, count: 7 },
      fromVersion: 0,
      toVersion: 2,
    });
  });

  it('runs only the missing steps', () => {
    expect(loadVersionedDocument(spec, '{"schemaVersion":1,"n":3}')).toMatchObject({ ok: true, fromVersion: 1, document: { count: 3 } });
  });

  const failures: Array<[string, string, RegExp]> = [
    ['invalid JSON', '{"schemaVersion":', /^The settings file is not valid JSON\.$/],
    ['an array', '[1,2]', /does not hold a settings object/],
    ['a bad version', '{"schemaVersion":"two"}', /invalid schemaVersion/],
    ['a newer version', '{"schemaVersion":9}', /newer DF Desk \(schema 9; this version reads up to 2\)/],
    ['a failing migration', '{"schemaVersion":1,"n":-1}', /could not be upgraded from schema 1 \(cannot upgrade -1\)/],
    ['a schema violation', '{"schemaVersion":2,"count":"x"}', /does not match the expected format: count: /],
  ];
  for (const [name, text, reason] of failures) {
    it(`reports ${name} with a plain reason`, () => {
      const result = loadVersionedDocument(spec, text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    });
  }

  it('does not quote the file in the reason', () => {
    const result = loadVersionedDocument(spec, '{"secretish": eyJabc');
    expect(result.ok || result.reason.includes('eyJ')).toBe(false);
  });
});
