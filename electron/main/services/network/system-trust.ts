/**
 * The CA certificates DF requests trust: Node's bundled Mozilla list, plus the operating system's trust store
 * (where IT installs an organisation's CA: the macOS keychain, the Windows certificate store, /etc/ssl on
 * Linux), plus the PEM file NODE_EXTRA_CA_CERTS names.
 *
 * Why read NODE_EXTRA_CA_CERTS here: Node reads it only when the process starts, and the packaged app does
 * not honour it (its nodeOptions fuse is off), so the long-standing advice "point NODE_EXTRA_CA_CERTS at
 * your CA" would otherwise only work from source. The bundled list stays in: a machine with a thin or
 * unreadable system store then trusts no less than before.
 *
 * The system store is read with Node's `tls.getCACertificates('system')` (Node ≥ 22.15, in Electron's main
 * process); an older runtime has none, which `problems` says.
 */
import { X509Certificate } from 'node:crypto';
import type { TrustedCertificates } from './network-types.ts';

/** The part of `node:tls` this reads; `getCACertificates` is missing before Node 22.15. */
export interface TlsCertificateSource {
  readonly rootCertificates: readonly string[];
  getCACertificates?: (type: 'system') => string[];
}

export interface TrustDeps {
  tls: TlsCertificateSource;
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Each certificate of a PEM bundle that parses; the count of blocks that do not. */
export function pemCertificates(text: string): { pems: string[]; invalid: number } {
  const pems: string[] = [];
  let invalid = 0;
  for (const block of text.match(PEM_BLOCK) ?? []) {
    try {
      // One malformed block would make every secure connection fail (the CA list is loaded as a whole).
      pems.push(new X509Certificate(block).toString());
    } catch {
      invalid++;
    }
  }
  return { pems, invalid };
}

const identity = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');

function withoutDuplicates(pems: readonly string[]): string[] {
  const seen = new Set<string>();
  return pems.filter((pem) => {
    const key = identity(pem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function errorText(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function systemStore(tls: TlsCertificateSource, problems: string[]): string[] | null {
  if (typeof tls.getCACertificates !== 'function') {
    problems.push("This runtime cannot read the system's trusted certificates (it needs Node 22.15 or later).");
    return null;
  }
  try {
    return tls.getCACertificates('system');
  } catch (error) {
    problems.push(`The system's trusted certificates could not be read (${errorText(error)}).`);
    return null;
  }
}

function extraFile(deps: TrustDeps, problems: string[]): string[] {
  const path = deps.env.NODE_EXTRA_CA_CERTS?.trim();
  if (path === undefined || path === '') return [];
  let text: string;
  try {
    text = deps.readFile(path);
  } catch (error) {
    problems.push(`NODE_EXTRA_CA_CERTS names ${path}, which could not be read (${errorText(error)}).`);
    return [];
  }
  const { pems, invalid } = pemCertificates(text);
  if (invalid > 0) problems.push(`${path} (NODE_EXTRA_CA_CERTS) holds ${invalid} certificate(s) that do not parse; they were skipped.`);
  if (pems.length === 0 && invalid === 0) problems.push(`${path} (NODE_EXTRA_CA_CERTS) holds no PEM certificate.`);
  return pems;
}

export function loadTrustedCertificates(deps: TrustDeps): TrustedCertificates {
  const problems: string[] = [];
  const bundled = [...deps.tls.rootCertificates];
  const system = systemStore(deps.tls, problems);
  const extra = extraFile(deps, problems);
  return {
    pems: withoutDuplicates([...bundled, ...(system ?? []), ...extra]),
    sources: { bundled: bundled.length, system: system === null ? null : system.length, extra: extra.length, problems },
  };
}
