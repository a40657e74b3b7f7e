/**
 * `window-state.json` in the profile folder: where the main window was. It is a convenience, so nothing about
 * it may stop the app: a missing, unreadable or tampered file means default bounds, and a failed write is
 * only logged. It holds no secret, and it is written whole to a temporary file first so a crash mid-write
 * leaves the previous one.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from './describe-error.ts';
import type { WindowState, WindowStateSink } from './window-state.ts';

export const windowStateFileName = 'window-state.json';
const formatVersion = 1;
// Far beyond any real desktop; a larger number is a damaged or hand-edited file.
const maxCoordinate = 100_000;

export interface WindowStateStore extends WindowStateSink {
  /** The saved state, or null when there is none or it cannot be trusted. Never throws. */
  load(): WindowState | null;
}

function isInteger(value: unknown, low: number, high: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The state in a parsed file, or null when anything in it is missing, of the wrong type, or out of range. */
export function parseWindowState(document: unknown): WindowState | null {
  if (!isRecord(document) || document.version !== formatVersion) return null;
  const { bounds, maximized } = document;
  if (!isRecord(bounds) || typeof maximized !== 'boolean') return null;
  const { x, y, width, height } = bounds;
  if (!isInteger(x, -maxCoordinate, maxCoordinate) || !isInteger(y, -maxCoordinate, maxCoordinate)) return null;
  if (!isInteger(width, 1, maxCoordinate) || !isInteger(height, 1, maxCoordinate)) return null;
  return { bounds: { x, y, width, height }, maximized };
}

export function serialiseWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return `${JSON.stringify({ version: formatVersion, bounds: { x, y, width, height }, maximized: state.maximized }, null, 2)}\n`;
}

function isMissingFile(error: unknown): boolean {
  return isRecord(error) && error.code === 'ENOENT';
}

/** `dir` is app.getPath('userData'); `log` takes the reason a file was ignored or could not be written. */
export function createWindowStateStore(dir: string, log: (message: string) => void): WindowStateStore {
  const file = join(dir, windowStateFileName);
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        // The first run has no file: nothing to report.
        if (!isMissingFile(error)) log(`Could not read ${windowStateFileName}: ${describeError(error)}`);
        return null;
      }
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        log(`${windowStateFileName} is not valid JSON; the window opens at its default size.`);
        return null;
      }
      const state = parseWindowState(document);
      if (state === null) log(`${windowStateFileName} has unexpected contents; the window opens at its default size.`);
      return state;
    },
    save(state) {
      const temporary = `${file}.tmp`;
      try {
        writeFileSync(temporary, serialiseWindowState(state), 'utf8');
        renameSync(temporary, file);
      } catch (error) {
        log(`Could not save the window's position: ${describeError(error)}`);
      }
    },
  };
}
