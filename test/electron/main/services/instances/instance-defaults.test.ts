import { describe, expect, it } from 'vitest';
import { colorSchema, instanceTags } from '../../../../../shared/ipc/contract.ts';
import { DEFAULT_TAG, defaultColorFor } from '../../../../../electron/main/services/instances/instance-defaults.ts';

describe('instance defaults', () => {
  it('every tag has a distinct, valid, lowercase color', () => {
    const colors = instanceTags.map(defaultColorFor);
    for (const color of colors) {
      expect(colorSchema.safeParse(color).success).toBe(true);
      expect(color).toBe(color.toLowerCase());
    }
    expect(new Set(colors).size).toBe(instanceTags.length);
  });

  it('the default tag is other', () => {
    expect(DEFAULT_TAG).toBe('other');
  });
});
