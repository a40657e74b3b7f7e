import type { InstanceTag } from '../../../shared/ipc/contract.ts';
import { tagLabels } from './tags.ts';

export function TagBadge({ tag }: { tag: InstanceTag }) {
  return <span className={`badge tag tag-${tag}`}>{tagLabels[tag]}</span>;
}
