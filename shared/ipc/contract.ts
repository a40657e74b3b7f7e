/**
 * The ONE contract between the renderer and the main process. The preload, the main-side router, the e2e
 * harness and the renderer's client all derive from this module, so a channel cannot drift between them.
 * Each channel takes exactly one payload object, checked with zod before any handler runs.
 */
import { z } from 'zod';
import type { DoctorFacts } from '../doctor/facts.ts';
import type {
  DeskInfo,
  DeskNotice,
  ProbeReport,
  SessionStatus,
  UpdateStatus,
  VaultHealth,
} from './contract-types.ts';
import type { DeskErrorKind, eventNames, InstanceTag, ChannelName as ListedChannelName } from './names.ts';
import { apiKeyControlCharacterMessage, hasControlCharacter } from './api-key-input.ts';
import { httpMethods, instanceTags } from './names.ts';

export { apiKeyControlCharacterMessage };

// The names live in the zod-free names.ts (the preload bundles them); re-exported so the contract stays one import.
export {
  channelNames,
  deskErrorKinds,
  destructiveMethods,
  eventNames,
  httpMethods,
  instanceTags,
  ipcPrefix,
} from './names.ts';
export type { DeskErrorKind, HttpMethod, InstanceTag } from './names.ts';
export type { DoctorFacts, ServerFacts } from '../doctor/facts.ts';
export type {
  DeskInfo,
  DeskNotice,
  DeskNoticeKind,
  PresentedCertificateInfo,
  ProbeCheck,
  ProbeCheckId,
  ProbeReport,
  SessionState,
  SessionStatus,
  SessionUser,
  UpdateState,
  UpdateStatus,
  VaultHealth,
} from './contract-types.ts';

export const instanceTagSchema = z.enum(instanceTags);

export const instanceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid instance id.');
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colors are #rrggbb.');

/** What the renderer may know about an instance: never its API key, only whether one is stored. */
export interface Instance {
  id: string;
  name: string;
  /** Normalised instance root: no trailing slash, no /api/v2. */
  url: string;
  tag: InstanceTag;
  color: string;
  favorite: boolean;
  hasApiKey: boolean;
  /** Plain http:// to anything but loopback needs this explicit, per-instance confirmation. */
  allowInsecureHttp: boolean;
  /**
   * The one certificate the user explicitly trusted for this instance's https origin (SHA-256, AB:CD:…).
   * Only that exact certificate is then accepted there; other instances keep the normal checks.
   */
  trustedCertificateSha256?: string;
}

const nameSchema = z.string().trim().min(1, 'Give the instance a name.').max(80);
const urlInputSchema = z.string().trim().min(1, 'Enter the instance URL.').max(2048);
/** Control characters are refused (checked before the trim, see api-key-input.ts), never stripped. */
const apiKeySchema = z
  .string()
  .refine((key) => !hasControlCharacter(key), apiKeyControlCharacterMessage)
  .trim()
  .max(512);
/** A SHA-256 certificate fingerprint as certificate viewers show it: 32 colon-separated hex pairs. */
export const sha256FingerprintSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$/, 'Not a SHA-256 certificate fingerprint (AB:CD:… 32 pairs).')
  .transform((value) => value.toUpperCase());

export const newInstanceSchema = z.strictObject({
  name: nameSchema,
  url: urlInputSchema,
  apiKey: apiKeySchema.optional(),
  tag: instanceTagSchema.optional(),
  color: colorSchema.optional(),
  favorite: z.boolean().optional(),
  allowInsecureHttp: z.boolean().optional(),
  trustedCertificateSha256: sha256FingerprintSchema.optional(),
});
export type NewInstance = z.infer<typeof newInstanceSchema>;

/** `apiKey: null` removes the stored key and `trustedCertificateSha256: null` the pin; leaving either out keeps it. */
export const instancePatchSchema = z.strictObject({
  name: nameSchema.optional(),
  url: urlInputSchema.optional(),
  apiKey: apiKeySchema.nullable().optional(),
  tag: instanceTagSchema.optional(),
  color: colorSchema.optional(),
  favorite: z.boolean().optional(),
  allowInsecureHttp: z.boolean().optional(),
  trustedCertificateSha256: sha256FingerprintSchema.nullable().optional(),
});
export type InstancePatch = z.infer<typeof instancePatchSchema>;

/** `trustedCertificateSha256`: test as the instance will connect, with its pinned certificate. */
export const probeInputSchema = z.strictObject({
  url: urlInputSchema,
  apiKey: apiKeySchema.optional(),
  trustedCertificateSha256: sha256FingerprintSchema.optional(),
});
export type ProbeInput = z.infer<typeof probeInputSchema>;

export const signInSchema = z
  .strictObject({
    email: z.string().trim().min(1).max(320).optional(),
    username: z.string().trim().min(1).max(320).optional(),
    password: z.string().min(1, 'Enter the password.').max(4096),
    rememberMe: z.boolean().optional(),
    admin: z.boolean().optional(),
  })
  .refine((c) => c.email !== undefined || c.username !== undefined, 'Enter an email or a username.');
export type SignInInput = z.infer<typeof signInSchema>;

export const proxyRequestSchema = z.strictObject({
  method: z.enum(httpMethods),
  path: z.string().min(1).max(4096),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  data: z.unknown().optional(),
  confirmed: z.boolean().optional(),
});
export type ProxyRequest = z.infer<typeof proxyRequestSchema>;
export interface ProxyResponse {
  status: number;
  data: unknown;
  headers: Record<string, string>;
  durationMs: number;
}

export interface DeskErrorData {
  kind: DeskErrorKind;
  message: string;
  status?: number;
}
/** contextBridge strips custom error properties, so errors travel as data. */
export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorData };

/** The main-process API. `createDesk` returns it; the router and the e2e harness expose it through `channels`. */
export interface DeskApi {
  instances: {
    list(): Promise<Instance[]>;
    add(input: NewInstance): Promise<Instance>;
    update(id: string, patch: InstancePatch): Promise<Instance>;
    remove(id: string): Promise<void>;
    probe(input: ProbeInput): Promise<ProbeReport>;
    /** The forever-sessions doctor's facts for a saved instance: its server and its session, never the token. */
    doctor(id: string): Promise<DoctorFacts>;
  };
  session: {
    signIn(id: string, credentials: SignInInput): Promise<SessionStatus>;
    signOut(id: string): Promise<SessionStatus>;
    status(id: string): Promise<SessionStatus>;
    refresh(id: string): Promise<SessionStatus>;
  };
  request(id: string, request: ProxyRequest): Promise<ProxyResponse>;
  vault: { health(): Promise<VaultHealth> };
  /** Things the user must be told once, e.g. a corrupt settings file that was moved aside. */
  notices(): Promise<DeskNotice[]>;
  /** This copy's version and where its updates stand. */
  info(): Promise<DeskInfo>;
  update: {
    /** Checks now (the menu's "Check for updates…") and resolves with the outcome; never rejects for a failed check. */
    check(): Promise<UpdateStatus>;
    /** Quits and installs the downloaded update; refused unless one is ready. */
    restart(): Promise<void>;
  };
  onSessionChanged(listener: (status: SessionStatus) => void): () => void;
  onInstancesChanged(listener: (instances: Instance[]) => void): () => void;
  onUpdateChanged(listener: (status: UpdateStatus) => void): () => void;
}

const idPayload = z.strictObject({ id: instanceIdSchema });
const emptyPayload = z.strictObject({});

/** Every invokable channel: its payload schema and how it maps onto DeskApi. */
export const channels = {
  'instances.list': { payload: emptyPayload, call: (api: DeskApi) => api.instances.list() },
  'instances.add': { payload: newInstanceSchema, call: (api: DeskApi, p: NewInstance) => api.instances.add(p) },
  'instances.update': {
    payload: z.strictObject({ id: instanceIdSchema, patch: instancePatchSchema }),
    call: (api: DeskApi, p: { id: string; patch: InstancePatch }) => api.instances.update(p.id, p.patch),
  },
  'instances.remove': { payload: idPayload, call: (api: DeskApi, p: { id: string }) => api.instances.remove(p.id) },
  'instances.probe': { payload: probeInputSchema, call: (api: DeskApi, p: ProbeInput) => api.instances.probe(p) },
  'instances.doctor': { payload: idPayload, call: (api: DeskApi, p: { id: string }) => api.instances.doctor(p.id) },
  'session.signIn': {
    payload: z.strictObject({ id: instanceIdSchema, credentials: signInSchema }),
    call: (api: DeskApi, p: { id: string; credentials: SignInInput }) => api.session.signIn(p.id, p.credentials),
  },
  'session.signOut': { payload: idPayload, call: (api: DeskApi, p: { id: string }) => api.session.signOut(p.id) },
  'session.status': { payload: idPayload, call: (api: DeskApi, p: { id: string }) => api.session.status(p.id) },
  'session.refresh': { payload: idPayload, call: (api: DeskApi, p: { id: string }) => api.session.refresh(p.id) },
  request: {
    payload: z.strictObject({ id: instanceIdSchema, request: proxyRequestSchema }),
    call: (api: DeskApi, p: { id: string; request: ProxyRequest }) => api.request(p.id, p.request),
  },
  'vault.health': { payload: emptyPayload, call: (api: DeskApi) => api.vault.health() },
  'desk.notices': { payload: emptyPayload, call: (api: DeskApi) => api.notices() },
  'desk.info': { payload: emptyPayload, call: (api: DeskApi) => api.info() },
  'update.check': { payload: emptyPayload, call: (api: DeskApi) => api.update.check() },
  'update.restart': { payload: emptyPayload, call: (api: DeskApi) => api.update.restart() },
} as const;

export type ChannelName = keyof typeof channels;
export type ChannelPayload<C extends ChannelName> = z.input<(typeof channels)[C]['payload']>;
export type ChannelValue<C extends ChannelName> = Awaited<ReturnType<(typeof channels)[C]['call']>>;

/** Main → renderer pushes. Listeners receive the payload only, never the IPC event. */
export interface DeskEvents {
  'session.changed': SessionStatus;
  'instances.changed': Instance[];
  'update.changed': UpdateStatus;
  /** An application-menu item the page carries out (File → New instance…). */
  'menu.command': { command: 'new-instance' };
}
export type DeskEventName = keyof DeskEvents;

/** Exact type equality: a one-way `extends` would accept a list that names only some of the channels. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Holds<T extends true> = T;
/**
 * Compile-time guard: names.ts lists exactly the channel table's keys and the DeskEvents names. Adding a
 * channel or an event in one place only fails the typecheck here.
 */
export type NameListsMatchContract = [
  Holds<Same<ListedChannelName, ChannelName>>,
  Holds<Same<(typeof eventNames)[number], DeskEventName>>,
];

/** The frozen surface the preload exposes as `window.desk` (and the e2e harness reproduces). */
export interface DeskBridge {
  invoke<C extends ChannelName>(channel: C, payload: ChannelPayload<C>): Promise<DeskResult<ChannelValue<C>>>;
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEvents[E]) => void): () => void;
}
