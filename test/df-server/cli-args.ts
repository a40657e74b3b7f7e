// Parses the df-server CLI flags into server options.
import type { DfProfile, DfServerOptions } from './types.ts';

export const CLI_USAGE =
  'Usage: tsx test/df-server/cli.ts [--port N] [--host H] [--ttl SECONDS] [--refresh-ttl SECONDS] [--forever] ' +
  '[--profile latest|2.14|2.0] [--api-key KEY] [--login-attribute email|username] [--no-guest-role]';

const PROFILES: readonly DfProfile[] = ['latest', '2.14', '2.0'];

function positiveNumber(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive number`);
  return parsed;
}

export function parseCliArgs(argv: readonly string[]): DfServerOptions {
  const options: DfServerOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const next = (): string | undefined => {
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--port': {
        const port = Number(next());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port needs an integer 0-65535');
        options.port = port;
        break;
      }
      case '--host': {
        const host = next();
        if (host === undefined) throw new Error('--host needs a value');
        options.host = host;
        break;
      }
      case '--ttl':
        options.ttlSeconds = positiveNumber(flag, next());
        break;
      case '--refresh-ttl':
        options.refreshTtlSeconds = positiveNumber(flag, next());
        break;
      case '--forever':
        options.allowForever = true;
        break;
      case '--no-guest-role':
        options.guestRole = false;
        break;
      case '--profile': {
        const profile = next();
        const known = PROFILES.find((candidate) => candidate === profile);
        if (known === undefined) throw new Error(`--profile must be one of ${PROFILES.join(', ')}`);
        options.profile = known;
        break;
      }
      case '--api-key': {
        const key = next();
        if (key === undefined || key === '') throw new Error('--api-key needs a value');
        options.apiKey = key;
        break;
      }
      case '--login-attribute': {
        const attribute = next();
        if (attribute !== 'email' && attribute !== 'username') throw new Error('--login-attribute must be email or username');
        options.loginAttribute = attribute;
        break;
      }
      default:
        throw new Error(`Unknown argument: ${flag}`);
    }
  }
  return options;
}
