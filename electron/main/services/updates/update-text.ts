// Turning what electron-updater throws and logs into plain, redacted words for the UI and our log.
import { redactText } from '../../../../shared/secrets.ts';
import type { Logger } from '../../ports.ts';
import type { UpdaterLogger } from './updater-port.ts';

export const developmentBuildMessage = 'Updates are off in development builds.';
export const noFeedMessage = 'This build of DF Desk does not update itself.';
export const notReadyMessage = 'No update is ready to install yet.';

const maxDetailLength = 200;

function textOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The first line only: electron-updater's HTTP errors go on with response headers and bodies, and a feed URL
 * may carry a token in its query, which redactText hides like any other credential.
 */
export function updateErrorMessage(error: unknown): string {
  const firstLine = textOf(error).split(/\r?\n/)[0]?.trim() ?? '';
  const redacted = redactText(firstLine);
  const detail = redacted.length > maxDetailLength ? `${redacted.slice(0, maxDetailLength)}…` : redacted;
  return detail === '' ? 'The update check failed.' : `The update check failed: ${detail}`;
}

/** electron-updater's own lines go to our (redacting) log, marked as the updater's. */
export function updaterLogger(logger: Logger): UpdaterLogger {
  return {
    info: (message) => logger.info(`updater: ${textOf(message)}`),
    warn: (message) => logger.warn(`updater: ${textOf(message)}`),
    error: (message) => logger.error(`updater: ${textOf(message)}`),
    debug: (message) => logger.debug(`updater: ${message}`),
  };
}
