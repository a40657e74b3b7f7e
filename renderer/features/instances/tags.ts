import type { Instance, InstanceTag } from '../../../shared/ipc/contract.ts';
import { instanceTags } from '../../../shared/ipc/names.ts';

export const tags: readonly InstanceTag[] = instanceTags;

export const tagLabels: Record<InstanceTag, string> = {
  dev: 'Dev',
  staging: 'Staging',
  prod: 'Prod',
  other: 'Other',
};

/**
 * The chrome colour per tag: fixed, so "red bar" always means production whatever colour the user picked. Each
 * carries white text at 4.5:1 or better (WCAG AA for the top bar's small text and the tag badges).
 */
export const tagColors: Record<Exclude<InstanceTag, 'other'>, string> = {
  dev: '#2e7d32',
  staging: '#a15f00',
  prod: '#c62828',
};

export function chromeColor(instance: Instance): string {
  return instance.tag === 'other' ? instance.color : tagColors[instance.tag];
}

export function isProd(instance: Pick<Instance, 'tag'> | undefined): boolean {
  return instance?.tag === 'prod';
}

export const presetColors: readonly { name: string; value: string }[] = [
  { name: 'blue', value: '#1e66f5' },
  { name: 'teal', value: '#0f8b8d' },
  { name: 'green', value: '#2e7d32' },
  { name: 'amber', value: '#a15f00' },
  { name: 'red', value: '#c62828' },
  { name: 'purple', value: '#7c3aed' },
  { name: 'slate', value: '#475569' },
];

export function matchesSearch(instance: Instance, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [instance.name, instance.url, instance.tag].some((text) => text.toLowerCase().includes(needle));
}
