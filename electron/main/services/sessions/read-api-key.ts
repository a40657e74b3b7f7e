// The instance's API key for a new session client, or null when the keychain will not give it.
import type { Logger } from '../../ports.ts';
import type { InstanceRegistry } from '../instance-registry.ts';

export async function readApiKey(registry: Pick<InstanceRegistry, 'getApiKey'>, logger: Logger, instanceId: string): Promise<string | null> {
  try {
    return await registry.getApiKey(instanceId);
  } catch (error) {
    // Without the key DF still answers sign-in and public calls; the UI shows the failing calls.
    logger.warn('Could not read the API key from the keychain.', { instanceId, error });
    return null;
  }
}
