/**
 * "Test connection": probe({ url, apiKey? }) → ProbeReport, before or after an instance is saved.
 *
 * 1. GET /api/v2/system/environment (public on every DF) tells: reachable? really DF? version (when DF shows
 *    it), forever sessions, login attribute, sign-in methods.
 * 2. With a key: GET /api/v2/system/service with the key and no token tells whether DF accepted it (see
 *    diagnostics/api-key-verdict.ts).
 *
 * Requests go through a throwaway DfClient, so the probe follows the same rules as real sessions (credentials
 * stay on the instance's origin; redirects elsewhere are reported, not followed) and never turns TLS
 * verification off. A key is never sent over plain http to a remote host. Each answer may be at most 1 MB
 * once decompressed (diagnostics/answer-cap.ts); a larger one is reported as too large, not read.
 *
 * When the secure connection fails, the probe reads the certificate the server presents (a bare TLS
 * handshake that sends nothing, tls/peer-certificate.ts) and reports its fingerprint, so the user can decide
 * to trust exactly that certificate for this instance. A probe given `trustedCertificateSha256` connects the
 * way such an instance does (tls/pinned-certificate.ts).
 */
import axios from 'axios';
import type { AxiosAdapter, AxiosRequestConfig } from 'axios';
import type { DfClient, DfEnvironment } from '../../../shared/df/index.ts';
import { createDfClient, DfError, environment } from '../../../shared/df/index.ts';
import type { PresentedCertificateInfo, ProbeCheck, ProbeInput, ProbeReport } from '../../../shared/ipc/contract.ts';
import { probeInputSchema } from '../../../shared/ipc/contract.ts';
import { DeskError } from '../../../shared/ipc/desk-error.ts';
import type { Logger, SecretVault } from '../ports.ts';
import type { NetworkTransport } from './network/network-types.ts';
import { cappedAdapter, probeCapText } from './diagnostics/answer-cap.ts';
import { apiKeyVerdict } from './diagnostics/api-key-verdict.ts';
import type { EnvironmentFailure, LastAnswer } from './diagnostics/environment-failure.ts';
import { describeEnvironmentFailure } from './diagnostics/environment-failure.ts';
import {
  authMethodLabels,
  check,
  foreverCheck,
  loginAttributeCheck,
  notChecked,
  versionCheck,
} from './diagnostics/probe-checks.ts';
import { environmentFacts, failureFacts, isWebServer404, webServer404Check } from './diagnostics/server-facts.ts';
import { validateInstanceUrl } from './instances/instance-url.ts';
import { toDeskError } from './requests/to-desk-error.ts';
import { emptyTokenStore } from './sessions/vault-token-store.ts';
import { peerTarget, readPeerCertificate, tlsTargetOf } from './tls/peer-certificate.ts';
import type { PinnedCertificateAdapter } from './tls/pinned-certificate.ts';
import { pinnedCertificateAdapter } from './tls/pinned-certificate.ts';

export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;
export { PROBE_MAX_ANSWER_BYTES } from './diagnostics/answer-cap.ts';

export interface Diagnostics {
  probe(input: ProbeInput): Promise<ProbeReport>;
}

export interface DiagnosticsDeps {
  vault: Pick<SecretVault, 'health'>;
  logger: Logger;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** The I/O adapter (default axios's). */
  adapter?: AxiosRequestConfig['adapter'];
  /** How a pinned probe and the certificate read reach the server (network/network.ts); default: directly. */
  transport?: NetworkTransport;
}

function headerText(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  const value: unknown =
    typeof getter === 'function' ? getter.call(headers, name) : (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Remembers the last raw answer, so a failure can be explained by what the server actually sent. */
function recordingAdapter(inner: AxiosAdapter, onAnswer: (answer: LastAnswer) => void): AxiosAdapter {
  return async (config) => {
    const response = await inner(config);
    const answer: LastAnswer = { status: response.status, body: response.data };
    const contentType = headerText(response.headers, 'content-type');
    if (contentType !== undefined) answer.contentType = contentType;
    onAnswer(answer);
    return response;
  };
}

async function checkApiKey(client: DfClient, timeoutMs: number): Promise<ProbeCheck> {
  try {
    const response = await client.http.get('/system/service', { validateStatus: () => true, timeout: timeoutMs });
    const verdict = apiKeyVerdict(response.status, response.data);
    return check('api-key', verdict.accepted, verdict.detail, verdict.nextStep);
  } catch (error) {
    if (error instanceof DfError && error.transport?.kind === 'too-large') {
      return check(
        'api-key',
        null,
        `The key could not be checked: the answer was too large (over ${probeCapText}).`,
        'Check that the instance URL is your DreamFactory, then try again.',
      );
    }
    const failure = toDeskError(error);
    return check('api-key', null, `The key could not be checked: ${failure.message}`);
  }
}

async function presentedCertificate(
  url: string,
  timeoutMs: number,
  transport: NetworkTransport | undefined,
): Promise<PresentedCertificateInfo | undefined> {
  const target = tlsTargetOf(url);
  if (target === null) return undefined;
  const presented = await readPeerCertificate(peerTarget(target.host, target.port, timeoutMs, transport));
  if (presented === null) return undefined;
  const { pem: _pem, ...shown } = presented;
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return { ...shown, hostPort: `${host}:${target.port}` };
}

const notCheckedAfter = (because: string): ProbeCheck[] => [
  notChecked('api-key', because),
  notChecked('version', because),
  notChecked('forever-sessions', because),
  notChecked('login-attribute', because),
];

function emptyReport(url: string, vault: DiagnosticsDeps['vault']): ProbeReport {
  const server = { kind: 'unreachable', detail: 'Not checked yet.', nextStep: 'Test the connection.' } as const;
  return { url, reachable: false, isDreamFactory: false, apiKeyAccepted: null, authMethods: [], checks: [], vault: vault.health(), server };
}

/** The environment call failed: say whether nothing answered (and show a certificate to trust) or not DF. */
async function reportFailure(
  report: ProbeReport,
  failure: EnvironmentFailure,
  error: unknown,
  { timeoutMs, transport }: { timeoutMs: number; transport: NetworkTransport | undefined },
) {
  const { url } = report;
  report.reachable = failure.reachable;
  if (failure.reachable) {
    report.checks.push(
      check('reachable', true, `The server at ${url} answered.`),
      check('dreamfactory', false, failure.detail, failure.nextStep),
      ...notCheckedAfter('the address does not answer like DreamFactory.'),
    );
    return;
  }
  const tls = error instanceof DfError && error.transport?.kind === 'tls';
  report.checks.push(check('reachable', false, failure.detail, failure.nextStep));
  if (tls) {
    const certificate = await presentedCertificate(url, timeoutMs, transport);
    if (certificate !== undefined) report.certificate = certificate;
  }
  const because = tls ? 'the secure connection failed.' : 'the server could not be reached.';
  report.checks.push(notChecked('dreamfactory', because), ...notCheckedAfter(because));
}

/** What the key check says: not entered, not sent over plain http, or DF's verdict. */
async function keyCheck(client: DfClient, apiKey: string, sendKey: boolean, timeoutMs: number): Promise<ProbeCheck> {
  if (apiKey === '') {
    return check(
      'api-key',
      null,
      'No API key entered.',
      'Most DreamFactory calls need an app API key: DreamFactory admin → Apps → your app → API Key.',
    );
  }
  if (!sendKey) {
    return check(
      'api-key',
      null,
      'The key was not sent: this address uses plain http:// to a remote host, where anyone on the network could read it.',
      'Use https:// for this instance.',
    );
  }
  return checkApiKey(client, timeoutMs);
}

function reportEnvironment(report: ProbeReport, env: DfEnvironment): void {
  report.server = environmentFacts(env);
  report.reachable = true;
  report.isDreamFactory = true;
  report.allowForeverSessions = env.allowForeverSessions;
  report.loginAttribute = env.loginAttribute;
  report.authMethods = authMethodLabels(env);
  if (env.version !== undefined) report.version = env.version;
  report.checks.push(
    check('reachable', true, `The server at ${report.url} answered.`),
    check('dreamfactory', true, 'The address answers like DreamFactory (/api/v2/system/environment).'),
  );
}

/** Whether DF answers its environment at /index.php/api/v2 (true), something else answers (false), or nothing (null). */
async function answersBehindIndexPhp(client: DfClient): Promise<boolean | null> {
  try {
    await environment(client.http);
    return true;
  } catch (error) {
    return error instanceof DfError && error.transport !== undefined ? null : false;
  } finally {
    client.dispose();
  }
}

interface ProbeTarget {
  url: string;
  apiKey: string;
  /** Plain http to a remote host would expose the key; the public environment call needs none. */
  sendKey: boolean;
  pin: string | undefined;
}

function probeTarget(input: ProbeInput): ProbeTarget {
  const parsed = probeInputSchema.safeParse(input);
  if (!parsed.success) throw new DeskError('invalid-input', parsed.error.issues[0]?.message ?? 'Enter the instance URL.');
  const { url, insecure } = validateInstanceUrl(parsed.data.url);
  const apiKey = parsed.data.apiKey?.trim() ?? '';
  return { url, apiKey, sendKey: apiKey !== '' && !insecure, pin: parsed.data.trustedCertificateSha256 };
}

export function createDiagnostics(deps: DiagnosticsDeps): Diagnostics {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const io = axios.getAdapter(deps.adapter ?? axios.defaults.adapter);

  async function probe(input: ProbeInput): Promise<ProbeReport> {
    const { url, apiKey, sendKey, pin } = probeTarget(input);
    let last: LastAnswer | undefined;
    const pinned: PinnedCertificateAdapter | null =
      pin === undefined || tlsTargetOf(url) === null
        ? null
        : pinnedCertificateAdapter({ origin: url, sha256: pin, base: deps.adapter, timeoutMs, transport: deps.transport });
    const capped = cappedAdapter(pinned === null ? io : pinned.adapter);
    const clientAt = (baseURL: string, key: string | undefined, adapter: AxiosAdapter) => {
      const made = createDfClient({ baseURL, apiKey: key, tokens: emptyTokenStore(), adapter, sessionCallTimeoutMs: timeoutMs });
      made.http.defaults.timeout = timeoutMs;
      return made;
    };
    const client = clientAt(url, sendKey ? apiKey : undefined, recordingAdapter(capped, (answer) => {
      last = answer;
    }));
    const report = emptyReport(url, deps.vault);
    try {
      let env: DfEnvironment;
      try {
        env = await environment(client.http);
      } catch (error) {
        let failure = describeEnvironmentFailure(error, last, url);
        let behind: boolean | null = null;
        if (failure.reachable && isWebServer404(last)) {
          behind = await answersBehindIndexPhp(clientAt(`${url}/index.php`, undefined, capped));
          failure = webServer404Check(failure, behind);
        }
        report.server = failureFacts(failure, last, behind);
        await reportFailure(report, failure, error, { timeoutMs, transport: deps.transport });
        deps.logger.info('Connection test failed.', { url, reachable: failure.reachable, detail: failure.detail });
        return report;
      }
      reportEnvironment(report, env);
      const key = await keyCheck(client, apiKey, sendKey, timeoutMs);
      report.apiKeyAccepted = key.ok;
      report.checks.push(key, versionCheck(env), foreverCheck(env), loginAttributeCheck(env));
      deps.logger.info('Connection test finished.', { url, version: report.version, apiKeyAccepted: report.apiKeyAccepted });
      return report;
    } finally {
      client.dispose();
      pinned?.dispose();
    }
  }

  return { probe };
}
