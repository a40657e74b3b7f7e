// The public entry exposes the contract's names, and the library stays portable (Node and browsers).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as df from '../../../shared/df/index.ts';

const SOURCE_DIR = join(import.meta.dirname, '../../../shared/df');
// The one secrets module is shared by every layer and is itself portable (see test/shared/secrets.test.ts).
const ownShared = ["'../secrets.ts'"];

describe('shared/df public entry', () => {
  it('exports the contract', () => {
    for (const name of [
      'createDfClient',
      'DfError',
      'isDfError',
      'environment',
      'services',
      'tables',
      'records',
      'createRecords',
      'updateRecord',
      'updateRecords',
      'deleteRecord',
      'schema',
      'readTokenClaims',
      'normalizeInstanceUrl',
      'sessionPath',
      'systemClock',
      'systemTimers',
    ]) {
      expect(df, name).toHaveProperty(name);
    }
    expect(df.API_KEY_HEADER).toBe('X-DreamFactory-API-Key');
    expect(df.SESSION_TOKEN_HEADER).toBe('X-DreamFactory-Session-Token');
    expect(new df.DfError('network', 'x')).toBeInstanceOf(Error);
  });

  it('uses no Node-only or DOM globals and imports only axios, zod, its own modules and shared/secrets.ts', () => {
    const files = readdirSync(SOURCE_DIR).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const code = readFileSync(join(SOURCE_DIR, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, (literal) => (literal.startsWith("'./") || ownShared.includes(literal) || literal === "'axios'" || literal === "'zod'" ? literal : "''"));
      expect(code, file).not.toMatch(/\b(process|Buffer|window|document|require|__dirname|atob|btoa|TextDecoder|TextEncoder|fetch|XMLHttpRequest|localStorage|performance)\b/);
      for (const match of code.matchAll(/\bfrom\s+('[^']*')/g)) {
        expect(["'axios'", "'zod'", ...ownShared].includes(match[1]!) || match[1]!.startsWith("'./"), `${file}: ${match[1]}`).toBe(true);
      }
    }
  });
});
