import type { Instance, ProbeReport, SessionStatus } from '../../../shared/ipc/contract.ts';

export function anInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'dev1',
    name: 'Local dev',
    url: 'http://127.0.0.1:8080',
    tag: 'dev',
    color: '#1e66f5',
    favorite: false,
    hasApiKey: true,
    allowInsecureHttp: false,
    ...overrides,
  };
}

export function aStatus(overrides: Partial<SessionStatus> = {}): SessionStatus {
  return {
    instanceId: 'dev1',
    state: 'active',
    user: { id: 1, name: 'Jane Doe', email: 'jane@example.com', isSysAdmin: false, role: 'api_user' },
    admin: false,
    expiresAt: Date.now() + 30 * 60_000,
    refreshWindowEndsAt: Date.now() + 13 * 86_400_000,
    forever: true,
    lastRefreshAt: Date.now() - 60_000,
    refreshCount: 3,
    persistence: 'keychain',
    ...overrides,
  };
}

export function aProbeReport(overrides: Partial<ProbeReport> = {}): ProbeReport {
  return {
    url: 'http://127.0.0.1:8080',
    reachable: true,
    isDreamFactory: true,
    apiKeyAccepted: true,
    version: '7.7.0',
    allowForeverSessions: true,
    loginAttribute: 'email',
    authMethods: ['email'],
    checks: [
      { id: 'reachable', ok: true, label: 'Server reachable', detail: 'Answered in 12 ms' },
      { id: 'dreamfactory', ok: true, label: 'DreamFactory', detail: 'GET /api/v2/system/environment answered' },
      { id: 'api-key', ok: true, label: 'API key accepted', detail: 'The key opened the app' },
      { id: 'version', ok: true, label: 'Version', detail: '7.7.0' },
      { id: 'forever-sessions', ok: true, label: 'Forever sessions', detail: 'On' },
      { id: 'login-attribute', ok: true, label: 'Login attribute', detail: 'email' },
    ],
    vault: { mode: 'keychain' },
    server: { kind: 'environment', allowForeverSessions: true, loginAttribute: 'email', version: '7.7.0' },
    ...overrides,
  };
}
