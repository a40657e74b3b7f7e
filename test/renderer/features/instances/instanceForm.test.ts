import { describe, expect, it } from 'vitest';
import { type InstanceFormValues, initialValues, instancePatch, keptPin, needsInsecureConsent, newInstanceInput, parseInstanceUrl, validateInstanceForm } from '../../../../renderer/features/instances/instanceForm.ts';
import { anInstance } from '../../support/fixtures.ts';

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

const pin = 'AB:CD';
const noChoice = { trustSha256: null, forgetPin: false };

describe('instance form values', () => {
  it('starts from the instance, or from a new instance defaults', () => {
    expect(initialValues(undefined)).toEqual({ ...valid, name: '', url: '' });
    const saved = anInstance({ name: 'Stage', url: 'https://stage.example.com', tag: 'staging', favorite: true });
    expect(initialValues(saved)).toMatchObject({ name: 'Stage', url: 'https://stage.example.com', tag: 'staging', favorite: true, apiKey: '' });
  });

  it('adds with trimmed fields, the key and a trusted certificate only when given', () => {
    const typed = { ...valid, name: ' Dev ', url: ' https://df.example.com ', color: ' #1e66f5 ' };
    expect(newInstanceInput(typed, noChoice)).toEqual({
      name: 'Dev',
      url: 'https://df.example.com',
      tag: 'dev',
      color: '#1e66f5',
      favorite: false,
      allowInsecureHttp: false,
    });
    expect(newInstanceInput({ ...valid, apiKey: ' key ' }, { trustSha256: pin, forgetPin: false })).toMatchObject({
      apiKey: 'key',
      trustedCertificateSha256: pin,
    });
    // The consent only counts where it is needed.
    expect(newInstanceInput({ ...valid, allowInsecureHttp: true }, noChoice).allowInsecureHttp).toBe(false);
  });

  it('updates keeping the stored key unless one is typed or removal is ticked, and the pin unless forgotten', () => {
    expect(instancePatch(valid, noChoice)).not.toHaveProperty('apiKey');
    expect(instancePatch(valid, noChoice)).not.toHaveProperty('trustedCertificateSha256');
    expect(instancePatch({ ...valid, removeApiKey: true }, noChoice).apiKey).toBeNull();
    expect(instancePatch({ ...valid, apiKey: 'new', removeApiKey: true }, noChoice).apiKey).toBe('new');
    expect(instancePatch(valid, { trustSha256: null, forgetPin: true }).trustedCertificateSha256).toBeNull();
    expect(instancePatch(valid, { trustSha256: pin, forgetPin: true }).trustedCertificateSha256).toBe(pin);
  });

  it('tests with the pinned certificate only while the URL stays on its origin and the pin is kept', () => {
    const pinned = anInstance({ url: 'https://df.example.com', trustedCertificateSha256: pin });
    expect(keptPin(pinned, false, 'https://df.example.com/other')).toBe(pin);
    expect(keptPin(pinned, true, 'https://df.example.com')).toBeUndefined();
    expect(keptPin(pinned, false, 'https://moved.example.com')).toBeUndefined();
    expect(keptPin(anInstance(), false, 'http://127.0.0.1:8080')).toBeUndefined();
    expect(keptPin(undefined, false, 'https://df.example.com')).toBeUndefined();
  });
});
