import type { InstanceTag } from '../../../shared/ipc/contract.ts';

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

export type InstanceFormErrors = Partial<Record<'name' | 'url' | 'color' | 'allowInsecureHttp', string>>;

export function parseInstanceUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname ? url : null;
  } catch {
    return null;
  }
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
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
  if (!colorPattern.test(values.color.trim())) errors.color = 'Colors are #rrggbb, e.g. #1e66f5.';
  if (needsInsecureConsent(values.url) && !values.allowInsecureHttp) {
    errors.allowInsecureHttp = 'Tick the box to allow plain HTTP to this host, or use https://.';
  }
  return errors;
}
