/**
 * Facts about instances that the main process and the renderer must agree on: their order (the sidebar and
 * the Ctrl/Cmd+1..9 shortcuts follow it) and which hosts count as this machine (plain http:// is fine there,
 * and needs an explicit consent anywhere else). No zod and no platform globals: the renderer bundles it.
 */
import type { Instance } from './ipc/contract.ts';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Favourites first, then by name (numbers in names in numeric order), then by id so the order is stable. */
export function sortInstances(instances: readonly Instance[]): Instance[] {
  return [...instances].sort(
    (a, b) => Number(b.favorite) - Number(a.favorite) || byName.compare(a.name, b.name) || a.id.localeCompare(b.id),
  );
}

/**
 * `localhost`, 127.x.y.z and ::1 (with or without the brackets URL puts around it): the hosts that reach this
 * machine without asking the network. Not `*.localhost`: RFC 6761 asks resolvers to keep those on loopback,
 * but Node resolves names through the operating system (getaddrinfo), and outside systemd-resolved that
 * sends `api.localhost` to the network's DNS, which can answer with any address. `localhost` itself comes
 * from the hosts file (or the resolver's built-in answer) on every system DF Desk runs on. Nor `localhost.`:
 * the trailing dot makes it a DNS name that the hosts file does not match.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
