import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import { explainError } from '../../../renderer/ui/errorText.ts';

describe('explainError', () => {
  it('gives the kinds users meet most a plain title and a next step', () => {
    expect(explainError(new DeskError('network', 'x'))).toMatchObject({ title: 'Server unreachable.' });
    expect(explainError(new DeskError('not-dreamfactory', 'x')).next).toMatch(/without \/api\/v2/);
    expect(explainError(new DeskError('tls', 'x')).next).toMatch(/never skips TLS checks/);
    expect(explainError(new DeskError('bad-credentials', 'x')).next).toMatch(/System admin/);
  });

  it('falls back to the internal explanation for an unknown kind', () => {
    const unknown = new DeskError('brand-new' as 'internal', 'x');
    expect(explainError(unknown).title).toBe('Something went wrong inside DF Desk.');
  });
});
