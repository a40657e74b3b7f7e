/**
 * The forever-sessions doctor's facts for a saved instance: the connection test's reading of the environment
 * (with the instance's own key and pinned certificate, as its sessions connect) and the session's token times.
 * The decision itself is shared/doctor/diagnose.ts, made wherever the facts are shown.
 */
import type { Clock } from '../../../shared/df/index.ts';
import type { DoctorFacts } from '../../../shared/doctor/facts.ts';
import type { ProbeInput } from '../../../shared/ipc/contract.ts';
import type { Logger } from '../ports.ts';
import type { Diagnostics } from './diagnostics.ts';
import type { InstanceRegistry } from './instance-registry.ts';
import type { SessionManager } from './session-manager.ts';

export interface Doctor {
  facts(instanceId: string): Promise<DoctorFacts>;
}

export interface DoctorDeps {
  registry: Pick<InstanceRegistry, 'get' | 'getApiKey'>;
  diagnostics: Diagnostics;
  sessions: Pick<SessionManager, 'doctorSession'>;
  clock: Clock;
  logger: Logger;
}

export function createDoctor(deps: DoctorDeps): Doctor {
  async function apiKeyOf(instanceId: string): Promise<string | null> {
    try {
      return await deps.registry.getApiKey(instanceId);
    } catch (error) {
      // The environment is public: without the key DF only hides its version.
      deps.logger.warn('Could not read the API key for the forever-sessions check.', { instanceId, error });
      return null;
    }
  }

  return {
    async facts(instanceId) {
      const instance = deps.registry.get(instanceId);
      const input: ProbeInput = { url: instance.url };
      const apiKey = await apiKeyOf(instanceId);
      if (apiKey !== null) input.apiKey = apiKey;
      if (instance.trustedCertificateSha256 !== undefined) input.trustedCertificateSha256 = instance.trustedCertificateSha256;
      const [report, session] = await Promise.all([deps.diagnostics.probe(input), deps.sessions.doctorSession(instanceId)]);
      return { checkedAt: deps.clock.now(), url: instance.url, server: report.server, session };
    },
  };
}
