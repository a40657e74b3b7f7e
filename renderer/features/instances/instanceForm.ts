import type { Instance, InstancePatch, InstanceTag, NewInstance } from '../../../shared/ipc/contract.ts';
import { isLoopbackHost } from '../../../shared/instances.ts';
import { presetColors } from './tags.ts';
import { apiKeyControlCharacterMessage, hasControlCharacter, trimSpaces } from '../../../shared/ipc/api-key-input.ts';

export interface InstanceFormValues {
  name: string;
  url: string;
  /** Typed by the user; empty on edit means "keep the stored key". */
  apiKey: string;
  removeApiKey: boolean;
  tag: InstanceTag;
  color: string;
  favorite: boolean;
  allowInsecureHttp: boolean;
}

export type InstanceFormErrors = Partial<Record<'name' | 'url' | 'apiKey' | 'color' | 'allowInsecureHttp', string>>;

export function parseInstanceUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname ? url : null;
  } catch {
    return null;
  }
}

/** Plain http:// to anything but this machine sends the API key and token unencrypted. */
export function needsInsecureConsent(text: string): boolean {
  const url = parseInstanceUrl(text);
  return url !== null && url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

export const colorPattern = /^#[0-9a-fA-F]{6}$/;

export function validateInstanceForm(values: InstanceFormValues): InstanceFormErrors {
  const errors: InstanceFormErrors = {};
  if (!values.name.trim()) errors.name = 'Give the instance a name.';
  else if (values.name.trim().length > 80) errors.name = 'Keep the name under 80 characters.';
  if (!values.url.trim()) errors.url = 'Enter the instance URL.';
  else if (!parseInstanceUrl(values.url)) errors.url = 'Enter a full http:// or https:// URL, e.g. https://df.example.com.';
  if (hasControlCharacter(values.apiKey)) errors.apiKey = apiKeyControlCharacterMessage;
  if (!colorPattern.test(values.color.trim())) errors.color = 'Colors are #rrggbb, e.g. #1e66f5.';
  if (needsInsecureConsent(values.url) && !values.allowInsecureHttp) {
    errors.allowInsecureHttp = 'Tick the box to allow plain HTTP to this host, or use https://.';
  }
  return errors;
}

/** The certificate choices of the form: one to trust from the last connection test, or forget the pinned one. */
export interface CertificateChoice {
  trustSha256: string | null;
  forgetPin: boolean;
}

function commonFields(values: InstanceFormValues) {
  return {
    name: values.name.trim(),
    url: values.url.trim(),
    tag: values.tag,
    color: values.color.trim(),
    favorite: values.favorite,
    allowInsecureHttp: needsInsecureConsent(values.url) && values.allowInsecureHttp,
  };
}

/** What `instances.add` gets: the key and a trusted certificate only when given. */
export function newInstanceInput(values: InstanceFormValues, choice: CertificateChoice): NewInstance {
  const apiKey = trimSpaces(values.apiKey);
  return {
    ...commonFields(values),
    ...(apiKey ? { apiKey } : {}),
    ...(choice.trustSha256 ? { trustedCertificateSha256: choice.trustSha256 } : {}),
  };
}

/** What `instances.update` gets: a blank key keeps the stored one, `null` removes the key or the pin. */
export function instancePatch(values: InstanceFormValues, choice: CertificateChoice): InstancePatch {
  const apiKey = trimSpaces(values.apiKey);
  const pin = choice.trustSha256
    ? { trustedCertificateSha256: choice.trustSha256 }
    : choice.forgetPin
      ? { trustedCertificateSha256: null }
      : {};
  return {
    ...commonFields(values),
    ...(apiKey ? { apiKey } : values.removeApiKey ? { apiKey: null } : {}),
    ...pin,
  };
}

/** The form's starting values: the instance's own, or a new instance's defaults. */
export function initialValues(instance: Instance | undefined): InstanceFormValues {
  return {
    name: instance?.name ?? '',
    url: instance?.url ?? '',
    apiKey: '',
    removeApiKey: false,
    tag: instance?.tag ?? 'dev',
    color: instance?.color ?? presetColors[0]?.value ?? '#1e66f5',
    favorite: instance?.favorite ?? false,
    allowInsecureHttp: instance?.allowInsecureHttp ?? false,
  };
}

/**
 * The pin a connection test should use: the instance's, unless the user chose to forget it or the URL moved
 * to another origin (the registry drops a pin then, and the form follows suit).
 */
export function keptPin(instance: Instance | undefined, forgetPin: boolean, typedUrl: string): string | undefined {
  const pin = instance?.trustedCertificateSha256;
  if (pin === undefined || forgetPin || instance === undefined) return undefined;
  const url = parseInstanceUrl(typedUrl);
  return url !== null && url.origin === new URL(instance.url).origin ? pin : undefined;
}

/** Changes one field of the form. */
export type SetInstanceField = <K extends keyof InstanceFormValues>(key: K, value: InstanceFormValues[K]) => void;
