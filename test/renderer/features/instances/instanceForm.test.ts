import { describe, expect, it } from 'vitest';
import {
  type InstanceFormValues,
  isLoopbackHost,
  needsInsecureConsent,
  parseInstanceUrl,
  validateInstanceForm,
} from '../../../../renderer/features/instances/instanceForm.ts';

const valid: InstanceFormValues = {
  name: 'Dev',
  url: 'https://df.example.com',
  apiKey: '',
  removeApiKey: false,
  tag: 'dev',
  color: '#1e66f5',
  favorite: false,
  allowInsecureHttp: false,
};

describe('instance form rules', () => {
  it('knows loopback hosts', () => {
    for (const host of ['localhost', 'api.localhost', '127.0.0.1', '127.10.0.3', '[::1]', '::1']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['example.com', '10.0.0.1', '128.0.0.1', 'localhost.example.com']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('asks for consent only for http:// to another machine', () => {
    expect(needsInsecureConsent('http://df.example.com')).toBe(true);
    expect(needsInsecureConsent('http://192.168.1.5:8080')).toBe(true);
    expect(needsInsecureConsent('http://localhost:8080')).toBe(false);
    expect(needsInsecureConsent('http://[::1]:8080')).toBe(false);
    expect(needsInsecureConsent('https://df.example.com')).toBe(false);
    expect(needsInsecureConsent('not a url')).toBe(false);
  });

  it('parses only http(s) URLs', () => {
    expect(parseInstanceUrl(' https://df.example.com/ ')?.hostname).toBe('df.example.com');
    expect(parseInstanceUrl('ftp://df.example.com')).toBeNull();
    expect(parseInstanceUrl('df.example.com')).toBeNull();
  });

  it('reports each invalid field', () => {
    expect(validateInstanceForm(valid)).toEqual({});
    expect(validateInstanceForm({ ...valid, name: ' ', url: '' })).toEqual({
      name: 'Give the instance a name.',
      url: 'Enter the instance URL.',
    });
    expect(validateInstanceForm({ ...valid, name: 'x'.repeat(81) }).name).toMatch(/under 80/);
    expect(validateInstanceForm({ ...valid, color: '#12345' }).color).toBe('Colors are #rrggbb, e.g. #1e66f5.');
    expect(validateInstanceForm({ ...valid, url: 'http://df.example.com' }).allowInsecureHttp).toBeDefined();
    expect(validateInstanceForm({ ...valid, url: 'http://df.example.com', allowInsecureHttp: true })).toEqual({});
  });
});
