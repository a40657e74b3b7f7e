/**
 * INSTANCE on the command line: an instance's id, or its name (any case). Names are what people type; ids are
 * what scripts keep (`dfdesk instances --json`), and they win when a name happens to equal another's id.
 */
import type { DeskApi, Instance } from '../../shared/ipc/contract.ts';
import { usageError } from './exit-codes.ts';

/** The instance `ref` names, undefined when none does; a name shared by several is a usage error. */
export function matchInstance(instances: readonly Instance[], ref: string): Instance | undefined {
  const byId = instances.find((instance) => instance.id === ref);
  if (byId !== undefined) return byId;
  const wanted = ref.trim().toLowerCase();
  const named = instances.filter((instance) => instance.name.toLowerCase() === wanted);
  if (named.length > 1) {
    throw usageError(`Several instances are called "${ref}"; use one's id: ${named.map((i) => i.id).join(', ')}.`);
  }
  return named[0];
}

export async function resolveInstance(api: Pick<DeskApi, 'instances'>, ref: string): Promise<Instance> {
  const instances = await api.instances.list();
  const found = matchInstance(instances, ref);
  if (found !== undefined) return found;
  const known = instances.length === 0 ? 'There are none yet: add one with dfdesk add NAME URL.' : 'See dfdesk instances.';
  throw usageError(`No instance "${ref}". ${known}`);
}
