import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('maps every flag to an option', () => {
    expect(
      parseCliArgs([
        '--port', '8080', '--ttl', '1.5', '--refresh-ttl', '600', '--forever', '--profile', '2.0',
        '--api-key', 'k', '--host', '127.0.0.1', '--login-attribute', 'username',
      ]),
    ).toEqual({
      port: 8080,
      ttlSeconds: 1.5,
      refreshTtlSeconds: 600,
      allowForever: true,
      profile: '2.0',
      apiKey: 'k',
      host: '127.0.0.1',
      loginAttribute: 'username',
    });
    expect(parseCliArgs([])).toEqual({});
  });

  it.each([
    [['--port', 'x']],
    [['--port', '70000']],
    [['--ttl', '0']],
    [['--ttl']],
    [['--profile', '3.0']],
    [['--api-key', '']],
    [['--login-attribute', 'phone']],
    [['--what']],
  ])('rejects %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow();
  });
});
