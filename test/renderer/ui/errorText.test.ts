import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../renderer/desk.ts';
import { explainError } from '../../../renderer/ui/errorText.ts';

describe('explainError', () => {
  it('gives the kinds users meet most a plain title and a next step', () => {
    expect(explainError(new DeskError({ kind: 'network', message: 'x' }))).toMatchObject({ title: 'Server unreachable.' });
    expect(explainError(new DeskError({ kind: 'not-dreamfactory', message: 'x' })).next).toMatch(/without \/api\/v2/);
    expect(explainError(new DeskError({ kind: 'tls', message: 'x' })).next).toMatch(/never skips TLS checks/);
    expect(explainError(new DeskError({ kind: 'bad-credentials', message: 'x' })).next).toMatch(/System admin/);
  });

  it('falls back to the internal explanation for an unknown kind', () => {
    const unknown = new DeskError({ kind: 'brand-new' as 'internal', message: 'x' });
    expect(explainError(unknown).title).toBe('Something went wrong inside DF Desk.');
  });
});
