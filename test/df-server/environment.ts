// GET /api/v2/system/environment in the 2.0 and the 2.10+ shapes (docs/dreamfactory-protocol.md §5).
import { arch, hostname, platform, release, version as osVersion } from 'node:os';
import type { AuthContext } from './auth-check.ts';
import { headerValue } from './http-util.ts';
import type { DfRequest } from './http-util.ts';
import type { ServerState } from './state.ts';

function loginPayload(attribute: string): Record<string, string> {
  return { [attribute]: 'string', password: 'string', remember_me: 'bool' };
}

function authentication(state: ServerState): Record<string, unknown> {
  const attribute = state.era.supportsLoginAttribute ? state.loginAttribute : 'email';
  const auth: Record<string, unknown> = {
    admin: { path: 'system/admin/session', verb: 'POST', payload: loginPayload(attribute) },
    user: { path: 'user/session', verb: 'POST', payload: loginPayload(attribute) },
    oauth: [],
    adldap: [],
  };
  if (state.era.supportsLoginAttribute) auth.saml = [];
  auth.allow_open_registration = false;
  auth.open_reg_email_service_id = state.era.profile === 'latest' ? null : false;
  auth.allow_forever_sessions = state.allowForever;
  if (state.era.supportsLoginAttribute) auth.login_attribute = state.loginAttribute;
  return auth;
}

function apps(): Record<string, unknown>[] {
  return [
    {
      id: 1,
      name: 'df-desk',
      description: 'DF Desk test application',
      url: null,
      is_default: false,
      allow_fullscreen_toggle: true,
      requires_fullscreen: false,
      toggle_location: 'top',
    },
  ];
}

function config(state: ServerState): Record<string, unknown> {
  return {
    always_wrap_resources: true,
    resources_wrapper: 'resource',
    db: {
      max_records_returned: state.era.maxRecordsReturned,
      time_format: null,
      date_format: null,
      datetime_format: null,
      timestamp_format: null,
    },
  };
}

function server(): Record<string, unknown> {
  return { server_os: platform(), release: release(), version: osVersion(), host: hostname(), machine: arch() };
}

function modernEnvironment(state: ServerState, req: DfRequest, context: AuthContext): Record<string, unknown> {
  const env: Record<string, unknown> = { authentication: authentication(state), apps: apps() };
  // Only an authenticated caller, or one whose API key yields a role, learns the platform details.
  if (context.user === null && context.roleId === null) return env;
  const isAdmin = context.user?.isSysAdmin === true;
  const platformInfo: Record<string, unknown> = {
    version: state.version,
    bitnami_demo: false,
    is_hosted: false,
    is_trial: false,
    license: 'OPEN SOURCE',
    secured_package_export: false,
    license_key: false,
    install_type: 'test-server',
  };
  if (isAdmin) {
    Object.assign(platformInfo, {
      db_driver: 'sqlite',
      install_path: '/opt/dreamfactory/',
      log_path: '/opt/dreamfactory/storage/logs/',
      app_debug: false,
      log_mode: 'single',
      log_level: 'warning',
      cache_driver: 'array',
      cache_path: null,
      packages: [],
    });
  }
  env.platform = platformInfo;
  env.server = server();
  env.client = {
    user_agent: headerValue(req.headers, 'user-agent') ?? null,
    ip_address: '127.0.0.1',
    locale: 'en',
  };
  env.config = config(state);
  if (isAdmin) env.php = { core: { php_version: '8.3.0' } };
  return env;
}

function legacyEnvironment(state: ServerState, context: AuthContext): Record<string, unknown> {
  const env: Record<string, unknown> = {
    platform: {
      version_current: state.version,
      version_latest: state.version,
      upgrade_available: false,
      is_hosted: false,
      host: hostname(),
    },
    authentication: authentication(state),
    app_group: [],
    no_group_app: apps(),
    config: config(state),
  };
  if (context.user?.isSysAdmin === true) {
    env.server = server();
    env.php = { core: { php_version: '5.6.0' } };
  }
  return env;
}

export function environment(state: ServerState, req: DfRequest, context: AuthContext): Record<string, unknown> {
  return state.era.modernEnvironment ? modernEnvironment(state, req, context) : legacyEnvironment(state, context);
}
