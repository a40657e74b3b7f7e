import { describe, expect, it } from 'vitest';
import { instanceIdSchema } from '../../../../../shared/ipc/contract.ts';
import { newInstanceId } from '../../../../../electron/main/services/instances/instance-ids.ts';

describe('newInstanceId', () => {
  it('is url-safe, accepted by the contract, and does not repeat', () => {
    const ids = Array.from({ length: 200 }, newInstanceId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(instanceIdSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
