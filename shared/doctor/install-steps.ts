/**
 * The forever-sessions doctor: how a DreamFactory admin turns on DF_ALLOW_FOREVER_SESSIONS for their kind of
 * install, and what usually went wrong when GET /api/v2/system/environment still says it is off. Pure data and
 * string building (the renderer bundles it); the per-install facts and their sources are in install-steps-data.ts.
 * Nothing here ever suggests shortening, disabling or working around token expiry or TLS checks: expiry stays,
 * refresh is what becomes unlimited.
 */
import { type InstallData, installData } from './install-steps-data.ts';

export type InstallKind =
  | 'bitnami-linux'
  | 'bitnami-macos'
  | 'bitnami-windows'
  | 'docker'
  | 'linux-nginx'
  | 'linux-apache'
  | 'windows-iis'
  | 'openshift'
  | 'unknown';

export const installKinds: readonly InstallKind[] = [
  'bitnami-linux',
  'bitnami-macos',
  'bitnami-windows',
  'docker',
  'linux-nginx',
  'linux-apache',
  'windows-iis',
  'openshift',
  'unknown',
];

/** Upper-case key: env names and .env keys are case-sensitive, and DreamFactory reads only this spelling. */
export const FOREVER_SETTING_LINE = 'DF_ALLOW_FOREVER_SESSIONS=true';

/** The config/df.php entry that pre-release 2.0 builds lacked (they hard-coded false instead). */
export const OLD_BUILD_CONFIG_LINE = "'allow_forever_sessions' => env('DF_ALLOW_FOREVER_SESSIONS', false),";

export interface CommandStep {
  label: string;
  command: string;
  /** Directory to run it in, or the shell to use (e.g. "PowerShell as Administrator"). */
  where?: string;
}

export interface SettingStep {
  /** Where the .env (or, for Docker, the compose file) is. */
  file: string;
  /** Exact text to paste. */
  line: string;
  note: string;
}

export interface DocSource {
  title: string;
  url: string;
  used: string;
}

export interface InstallSteps {
  kind: InstallKind;
  label: string;
  envLocation: string;
  findEnv?: CommandStep;
  setting: SettingStep;
  cacheClear: CommandStep[];
  restart: CommandStep[];
  oldBuildConfig: { file: string; line: string; note: string };
  sources: DocSource[];
}

export interface LikelyCause {
  id: 'lower-case' | 'wrong-env' | 'config-cached' | 'not-restarted' | 'old-build-config' | 'container-not-recreated';
  title: string;
  check: string;
}

type CauseId = LikelyCause['id'];

const OLD_BUILD_NOTE =
  "Only DreamFactory 2.0 builds from before October 2015 hard-code 'allow_forever_sessions' => false here and so ignore .env; " +
  'replace that entry with this line, then clear the config cache. Releases 2.0.0 to 2.4.x already have this line, and from 2.5 the ' +
  'setting lives in vendor/dreamfactory/df-core/config/df.php with the line included: leave vendor files alone.';

// A container restart is the usual Docker mistake, and recreating it also restarts PHP, so "not restarted"
// would only repeat it there.
const DOCKER_ORDER: readonly CauseId[] = [
  'container-not-recreated',
  'wrong-env',
  'lower-case',
  'config-cached',
  'old-build-config',
];
const HOST_ORDER: readonly CauseId[] = ['lower-case', 'wrong-env', 'config-cached', 'not-restarted', 'old-build-config'];

const CAUSE_TITLES: Record<CauseId, string> = {
  'container-not-recreated': 'The container was restarted, not recreated',
  'lower-case': 'The name is not exactly DF_ALLOW_FOREVER_SESSIONS',
  'wrong-env': 'The setting went into a file DreamFactory does not read',
  'config-cached': 'DreamFactory is still using its cached configuration',
  'not-restarted': 'PHP has not been restarted since the change',
  'old-build-config': 'An early 2.0 build that ignores the variable',
};

const copyStep = (step: CommandStep): CommandStep => ({ ...step });

/** Kinds can come from older stored settings or IPC; an unrecognised one gets the generic guidance. */
function dataFor(kind: InstallKind): { kind: InstallKind; data: InstallData } {
  if (Object.hasOwn(installData, kind)) return { kind, data: installData[kind] };
  return { kind: 'unknown', data: installData.unknown };
}

/** Fresh objects on every call, so a caller editing what it shows cannot change what the next caller sees. */
export function installSteps(kind: InstallKind): InstallSteps {
  const { kind: known, data } = dataFor(kind);
  return {
    kind: known,
    label: data.label,
    envLocation: data.envLocation,
    ...(data.findEnv ? { findEnv: copyStep(data.findEnv) } : {}),
    setting: { file: data.envPath, line: data.settingLine ?? FOREVER_SETTING_LINE, note: data.settingNote },
    cacheClear: data.cacheClear.map(copyStep),
    restart: data.restart.map(copyStep),
    oldBuildConfig: { file: data.dfPhp, line: OLD_BUILD_CONFIG_LINE, note: OLD_BUILD_NOTE },
    sources: data.sources.map((source) => ({ ...source })),
  };
}

const inFolder = (step: CommandStep | undefined): string =>
  step ? `${step.command}${step.where ? ` (in ${step.where})` : ''}` : '';

function genericCheck(id: CauseId, steps: InstallSteps): string {
  const file = steps.setting.file;
  switch (id) {
    case 'lower-case':
      return (
        `Open ${file} and find the line. It must read ${FOREVER_SETTING_LINE}: upper-case key, no # in front, no spaces ` +
        'around =, and only once (a second, older line can win). Variable names and .env keys are case-sensitive, so ' +
        'df_allow_forever_sessions is a different variable that DreamFactory never reads; only the value true may be in any case.'
      );
    case 'wrong-env':
      return (
        `DreamFactory reads only ${file} (${steps.envLocation}) Copies such as .env-dist, .env.example, a backup or the ` +
        `.env of an older install do nothing.${steps.findEnv ? ` To see the file, run ${inFolder(steps.findEnv)}.` : ''}`
      );
    case 'config-cached':
      return (
        `If bootstrap/cache/config.php exists, DreamFactory ignores .env until the cache is cleared. Run ` +
        `${steps.cacheClear.map((step) => step.command).join(' and then ')}${steps.cacheClear[0]?.where ? ` in ${steps.cacheClear[0].where}` : ''}.`
      );
    case 'not-restarted':
      return `Long-running PHP workers keep what they loaded. Run ${steps.restart.map(inFolder).join(', then ')}.`;
    case 'old-build-config':
      return (
        `Open ${steps.oldBuildConfig.file}. If it contains 'allow_forever_sessions' => false, replace that entry with ` +
        `${OLD_BUILD_CONFIG_LINE} and clear the config cache. If the file does not exist, your build reads the setting ` +
        'from vendor/dreamfactory/df-core and this is not the cause.'
      );
    case 'container-not-recreated':
      return (
        'docker compose restart keeps the environment the container was created with, so compose file changes never ' +
        'reach it. Run docker compose up -d in the folder with docker-compose.yml (it recreates containers whose ' +
        'configuration changed), then docker compose ps should show web freshly created.'
      );
  }
}

/** The usual reasons the setting did not take, most likely first, with what to look at on this kind of install. */
export function likelyCauses(kind: InstallKind): LikelyCause[] {
  const steps = installSteps(kind);
  const overrides = dataFor(kind).data.checks ?? {};
  const order = steps.kind === 'docker' ? DOCKER_ORDER : HOST_ORDER;
  return order.map((id) => ({ id, title: CAUSE_TITLES[id], check: overrides[id] ?? genericCheck(id, steps) }));
}
