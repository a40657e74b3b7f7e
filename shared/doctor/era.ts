/**
 * Which DreamFactory era a server belongs to, and what that means for sessions (docs/dreamfactory-protocol.md
 * §0, §8). The version comes from the environment when DF shows it; otherwise a token's claims narrow it down.
 */
import type { TokenReading } from './facts.ts';

export type DfEraId = '2.0-2.4' | '2.5' | '2.6-2.8' | '2.9-2.14' | '3+' | '2.0-2.6' | 'unknown';

export interface DfEraFacts {
  id: DfEraId;
  /** "DreamFactory 2.9–2.14", "DreamFactory 7.0.0 (3.0 or later)", … */
  label: string;
  /** Whether a refresh is possible at all (DF 2.5 broke it). */
  refreshWorks: boolean;
  /** Whether an expired token can still be refreshed; null when the era is not known. */
  refreshAfterExpiry: boolean | null;
  /** Whether only a timer refreshing before expiry keeps an idle session. */
  keepAliveRequired: boolean;
  /** What a forever token gets on this era. */
  foreverMeans: string;
}

const WINDOW_RESTARTS = 'each refresh starts a new refresh window, so a session refreshed in time never ends';

/** [major, minor] of "7.0.0", "2.14.2", "v2.3.1-beta"; null when it is not a version. */
export function versionParts(version: string): [number, number] | null {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (match === null) return null;
  return [Number(match[1]), Number(match[2])];
}

function eraFromParts(major: number, minor: number): DfEraId {
  if (major >= 3) return '3+';
  if (major !== 2) return 'unknown';
  if (minor <= 4) return '2.0-2.4';
  if (minor === 5) return '2.5';
  if (minor <= 8) return '2.6-2.8';
  return minor <= 14 ? '2.9-2.14' : 'unknown';
}

const eras: Record<DfEraId, Omit<DfEraFacts, 'id' | 'label'> & { label: string }> = {
  '2.0-2.4': {
    label: 'DreamFactory 2.0–2.4',
    refreshWorks: true,
    refreshAfterExpiry: true,
    keepAliveRequired: false,
    foreverMeans: 'DF re-issues a forever token even after its refresh window: it really is forever',
  },
  '2.5': {
    label: 'DreamFactory 2.5',
    refreshWorks: false,
    refreshAfterExpiry: false,
    keepAliveRequired: false,
    foreverMeans: 'nothing: DF 2.5 cannot refresh any token (fixed in 2.6), so every session ends when its token expires',
  },
  '2.6-2.8': {
    label: 'DreamFactory 2.6–2.8',
    refreshWorks: true,
    refreshAfterExpiry: true,
    keepAliveRequired: false,
    foreverMeans: WINDOW_RESTARTS,
  },
  '2.9-2.14': {
    label: 'DreamFactory 2.9–2.14',
    refreshWorks: true,
    refreshAfterExpiry: false,
    keepAliveRequired: true,
    foreverMeans: `${WINDOW_RESTARTS}, as long as it is refreshed before it expires`,
  },
  '3+': {
    label: 'DreamFactory 3.0 or later',
    refreshWorks: true,
    refreshAfterExpiry: true,
    keepAliveRequired: false,
    foreverMeans: WINDOW_RESTARTS,
  },
  '2.0-2.6': {
    label: 'DreamFactory 2.0–2.6 (told by the token’s claims; the version is hidden)',
    refreshWorks: true,
    refreshAfterExpiry: true,
    keepAliveRequired: false,
    foreverMeans: WINDOW_RESTARTS,
  },
  unknown: {
    label: 'Unknown (DreamFactory shows its version only to a signed-in caller or an API key with a role)',
    refreshWorks: true,
    refreshAfterExpiry: null,
    keepAliveRequired: false,
    foreverMeans: WINDOW_RESTARTS,
  },
};

/** The era of a server from its version, else from its token (only DF 2.0–2.6 mint a numeric `sub`). */
export function eraOf(version: string | undefined, token: TokenReading | undefined): DfEraFacts {
  const parts = version === undefined ? null : versionParts(version);
  let id: DfEraId = parts === null ? 'unknown' : eraFromParts(parts[0], parts[1]);
  if (id === 'unknown' && token?.legacyClaims === true) id = '2.0-2.6';
  const facts = eras[id];
  const label = parts !== null && id !== 'unknown' ? `DreamFactory ${version?.trim()} (${facts.label.replace('DreamFactory ', '')})` : facts.label;
  return { id, ...facts, label };
}
