/**
 * The settings file's shape (current: schema 1) and how older files are upgraded. Only non-secret data lives
 * here: API keys and tokens go to the keychain (see vault-accounts.ts).
 */
import { z } from 'zod';
import { colorSchema, instanceIdSchema, instanceTagSchema, sha256FingerprintSchema } from '../../../../shared/ipc/contract.ts';
import type { InstanceTag } from '../../../../shared/ipc/contract.ts';
import type { Migration, VersionedDocumentSpec } from '../../adapters/versioned-document.ts';
import { defaultColorFor } from './instance-defaults.ts';
import { newInstanceId } from './instance-ids.ts';
import { validateInstanceUrl } from './instance-url.ts';

/** Which keychain entry to restore at launch: the login of the last sign-in, and which audience it used. */
export const lastLoginSchema = z.object({
  login: z.string().min(1).max(320),
  admin: z.boolean(),
  /** When (local ms): another DF Desk process sees a new sign-in by it, even as the same user. */
  signedInAt: z.number().int().nonnegative().optional(),
});
export type LastLogin = z.infer<typeof lastLoginSchema>;

export const storedInstanceSchema = z.object({
  id: instanceIdSchema,
  name: z.string().min(1).max(80),
  url: z.string().regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, 'Not a normalised instance URL.'),
  tag: instanceTagSchema,
  color: colorSchema,
  favorite: z.boolean(),
  hasApiKey: z.boolean(),
  allowInsecureHttp: z.boolean(),
  /** Optional and new in schema 1 files: an older reader drops it (z.object strips), which only removes trust. */
  trustedCertificateSha256: sha256FingerprintSchema.optional(),
  lastLogin: lastLoginSchema.optional(),
});
export type StoredInstance = z.infer<typeof storedInstanceSchema>;

/** Loose at the top so a setting added later (theme, window bounds) does not make an older reader see corruption. */
export const deskSettingsSchema = z.looseObject({
  schemaVersion: z.literal(1),
  instances: z
    .array(storedInstanceSchema)
    .refine((list) => new Set(list.map((item) => item.id)).size === list.length, 'Instance ids must be unique.'),
});
export type DeskSettings = z.infer<typeof deskSettingsSchema>;

/**
 * Schema 0: the prototype's file, before `schemaVersion` existed:
 *   { "servers": [ { "label": "Prod", "baseUrl": "https://df.example.com/api/v2/", "env": "production", "pinned": true } ] }
 */
const v0ServerSchema = z.object({
  label: z.string().optional(),
  baseUrl: z.string(),
  env: z.string().optional(),
  pinned: z.boolean().optional(),
});

const v0EnvToTag: Record<string, InstanceTag> = {
  dev: 'dev',
  development: 'dev',
  local: 'dev',
  staging: 'staging',
  stage: 'staging',
  test: 'staging',
  prod: 'prod',
  production: 'prod',
  live: 'prod',
};

/**
 * v0 → v1: servers become instances. An http:// server that is not loopback keeps working only after the
 * user confirms it again (allowInsecureHttp starts false: v0 never asked). A server whose address cannot be
 * read is dropped; the pre-upgrade copy of the file keeps it.
 */
export const migrateV0ToV1: Migration = (v0) => {
  const servers = Array.isArray(v0.servers) ? v0.servers : [];
  const instances: StoredInstance[] = [];
  for (const raw of servers) {
    const server = v0ServerSchema.safeParse(raw);
    if (!server.success) continue;
    let url: string;
    try {
      url = validateInstanceUrl(server.data.baseUrl).url;
    } catch {
      continue;
    }
    const tag = v0EnvToTag[server.data.env?.trim().toLowerCase() ?? ''] ?? 'other';
    const name = server.data.label?.trim().slice(0, 80) || new URL(url).host;
    instances.push({
      id: newInstanceId(),
      name,
      url,
      tag,
      color: defaultColorFor(tag),
      favorite: server.data.pinned ?? false,
      hasApiKey: false,
      allowInsecureHttp: false,
    });
  }
  const { servers: _servers, ...rest } = v0;
  return { ...rest, instances };
};

export const deskSettingsDocument: VersionedDocumentSpec<DeskSettings> = {
  schema: deskSettingsSchema,
  migrations: [migrateV0ToV1],
  defaults: () => ({ schemaVersion: 1, instances: [] }),
};
