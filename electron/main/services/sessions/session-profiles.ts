/**
 * What DF Desk remembers about a saved session outside the keychain, so a restart can show "Jane Doe,
 * active" without a network call: the user summary from the sign-in answer and the measured server clock
 * offset. Nothing secret: the settings store refuses JWT-shaped values and secret-named keys anyway.
 *
 * Kept under a top-level key of the settings document (its schema is loose at the top for exactly this), so
 * the instance list's schema does not change.
 */
import { z } from 'zod';
import type { SessionUser } from '../../../../shared/ipc/contract.ts';
import type { KeyValueStore, Logger } from '../../ports.ts';
import type { DeskSettings } from '../instances/settings-document.ts';

export const SESSION_PROFILES_KEY = 'sessionProfiles';

const sessionUserSchema = z.object({
  id: z.number(),
  name: z.string().max(400),
  email: z.string().max(400).nullable(),
  isSysAdmin: z.boolean(),
  role: z.string().max(400).optional(),
});

const sessionProfileSchema = z.object({
  user: sessionUserSchema,
  /** Server clock minus local clock (ms), measured at sign-in; lets resume() judge expiry without a request. */
  clockOffsetMs: z.number().finite().optional(),
});
export type SessionProfile = z.infer<typeof sessionProfileSchema>;

const profilesSchema = z.record(z.string(), sessionProfileSchema);

export interface SessionProfiles {
  get(instanceId: string): SessionProfile | undefined;
  set(instanceId: string, profile: SessionProfile): void;
  delete(instanceId: string): void;
}

export function createSessionProfiles(store: KeyValueStore<DeskSettings>, logger: Logger): SessionProfiles {
  const readAll = (): Record<string, SessionProfile> => {
    if (!store.has(SESSION_PROFILES_KEY)) return {};
    const parsed = profilesSchema.safeParse(store.get(SESSION_PROFILES_KEY));
    // Only a display cache: a damaged entry costs a "sign in again" label, never the instance list.
    return parsed.success ? parsed.data : {};
  };
  const writeAll = (profiles: Record<string, SessionProfile>) => {
    try {
      store.set(SESSION_PROFILES_KEY, profiles);
    } catch (error) {
      logger.warn('Could not save the session summary to the settings file.', { error });
    }
  };
  return {
    get(instanceId) {
      const all = readAll();
      return Object.hasOwn(all, instanceId) ? all[instanceId] : undefined;
    },
    set(instanceId, profile) {
      store.revalidate();
      writeAll({ ...readAll(), [instanceId]: sessionProfileSchema.parse(profile) });
    },
    delete(instanceId) {
      store.revalidate();
      const all = readAll();
      if (!Object.hasOwn(all, instanceId)) return;
      const { [instanceId]: _removed, ...rest } = all;
      writeAll(rest);
    },
  };
}

export function toSessionUser(info: {
  id: number;
  name: string;
  email: string | null;
  is_sys_admin: boolean;
  role?: string;
}): SessionUser {
  const user: SessionUser = { id: info.id, name: info.name, email: info.email, isSysAdmin: info.is_sys_admin };
  if (info.role !== undefined) user.role = info.role;
  return user;
}
