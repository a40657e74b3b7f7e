import { describe, expect, it } from 'vitest';
import { isDeskError } from '../../../../../shared/ipc/desk-error.ts';
import { lacksHttpConsent, validateInstanceUrl } from '../../../../../electron/main/services/instances/instance-url.ts';

describe('validateInstanceUrl', () => {
  const table: Array<[string, string, boolean]> = [
    ['https://df.example.com', 'https://df.example.com', false],
    ['  https://df.example.com/  ', 'https://df.example.com', false],
    ['https://df.example.com///', 'https://df.example.com', false],
    ['HTTPS://DF.Example.COM/', 'https://df.example.com', false],
    ['https://df.example.com/api/v2', 'https://df.example.com', false],
    ['https://df.example.com/api/v2/', 'https://df.example.com', false],
    ['https://df.example.com/API/V2', 'https://df.example.com', false],
    ['https://df.example.com/Tenant/api/v2/', 'https://df.example.com/Tenant', false],
    ['https://df.example.com/api/v2/api/v2', 'https://df.example.com/api/v2', false],
    ['https://df.example.com/api/v22', 'https://df.example.com/api/v22', false],
    ['https://df.example.com:443/', 'https://df.example.com', false],
    ['https://df.example.com:8443/', 'https://df.example.com:8443', false],
    ['df.example.com', 'https://df.example.com', false],
    ['localhost:8080/api/v2', 'https://localhost:8080', false],
    ['http://localhost:8080/', 'http://localhost:8080', false],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', false],
    ['http://[::1]:8080/', 'http://[::1]:8080', false],
    // Issue 8, item 8: *.localhost may be resolved by the network's DNS, so plain http there needs consent.
    ['http://df.localhost', 'http://df.localhost', true],
    ['http://api.localhost:8080/api/v2', 'http://api.localhost:8080', true],
    ['https://api.localhost', 'https://api.localhost', false],
    ['http://df.example.com', 'http://df.example.com', true],
    ['http://192.168.1.10:8080/api/v2', 'http://192.168.1.10:8080', true],
  ];
  for (const [input, url, insecure] of table) {
    it(`${JSON.stringify(input)} → ${url}${insecure ? ' (insecure)' : ''}`, () => {
      expect(validateInstanceUrl(input)).toEqual({ url, insecure });
    });
  }

  const refused: Array<[string, RegExp]> = [
    ['', /Enter the instance URL/],
    ['   ', /Enter the instance URL/],
    ['ftp://df.example.com', /must start with https:\/\//],
    ['file:///etc/passwd', /must start with https:\/\//],
    ['https://', /not a valid URL/],
    ['https://user:pw@df.example.com', /user name or password/],
    ['https://df.example.com/?api_key=abc', /cannot contain "\?" or "#"/],
    ['https://df.example.com/#x', /cannot contain/],
    ['https://exa mple.com', /not a valid URL/],
  ];
  for (const [input, message] of refused) {
    it(`refuses ${JSON.stringify(input)} with invalid-input`, () => {
      let error: unknown;
      try {
        validateInstanceUrl(input);
      } catch (e) {
        error = e;
      }
      expect(isDeskError(error, 'invalid-input')).toBe(true);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('abc');
    });
  }
});

describe('lacksHttpConsent', () => {
  it('is true only for remote plain http without the confirmation', () => {
    expect(lacksHttpConsent({ url: 'http://legacy.example.com', allowInsecureHttp: false })).toBe(true);
    expect(lacksHttpConsent({ url: 'http://legacy.example.com', allowInsecureHttp: true })).toBe(false);
    expect(lacksHttpConsent({ url: 'http://localhost:8080', allowInsecureHttp: false })).toBe(false);
    expect(lacksHttpConsent({ url: 'https://df.example.com', allowInsecureHttp: false })).toBe(false);
  });

  it('item8-localhost-subdomains: plain http to *.localhost needs the consent; localhost and 127.0.0.1 do not', () => {
    expect(lacksHttpConsent({ url: 'http://api.localhost', allowInsecureHttp: false })).toBe(true);
    expect(lacksHttpConsent({ url: 'http://api.localhost', allowInsecureHttp: true })).toBe(false);
    expect(lacksHttpConsent({ url: 'http://127.0.0.1:8080', allowInsecureHttp: false })).toBe(false);
    expect(lacksHttpConsent({ url: 'http://[::1]:8080', allowInsecureHttp: false })).toBe(false);
  });
});
