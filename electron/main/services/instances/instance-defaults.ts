import type { InstanceTag } from '../../../../shared/ipc/contract.ts';

/** Green for dev, amber for staging, red for prod: the window chrome carries it, so prod looks dangerous. */
export const defaultTagColors: Readonly<Record<InstanceTag, string>> = Object.freeze({
  dev: '#2e7d32',
  staging: '#f9a825',
  prod: '#c62828',
  other: '#546e7a',
});

export const DEFAULT_TAG: InstanceTag = 'other';

export function defaultColorFor(tag: InstanceTag): string {
  return defaultTagColors[tag];
}
