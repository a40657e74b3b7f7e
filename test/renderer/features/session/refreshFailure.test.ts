import { describe, expect, it } from 'vitest';
import { refreshFailureReason } from '../../../../renderer/features/session/refreshFailure.ts';

describe('refreshFailureReason', () => {
  it('uses the plain message without its closing period, to sit mid-sentence', () => {
    expect(refreshFailureReason({ kind: 'network', message: 'The host cannot be reached from this network.', at: 1 })).toBe(
      'The host cannot be reached from this network',
    );
  });

  it("introduces a server's own error text as the server's problem", () => {
    expect(refreshFailureReason({ kind: 'server', message: 'Internal Server Error.', at: 1 })).toBe(
      'the server had a problem (Internal Server Error)',
    );
  });

  it('never leaves the reason empty', () => {
    expect(refreshFailureReason({ kind: 'network', message: ' ', at: 1 })).toBe('the server could not be reached');
    expect(refreshFailureReason({ kind: 'http', message: '', at: 1 })).toBe('an unknown error');
  });
});
