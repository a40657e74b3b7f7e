import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DeskErrorData, DeskEvents, NameListsMatchContract } from '../../../shared/ipc/contract.ts';
import { channels } from '../../../shared/ipc/contract.ts';
import {
  type ChannelName,
  channelNames,
  type DeskErrorKind,
  deskErrorKinds,
  eventNames,
  ipcPrefix,
  isChannelName,
  isDeskErrorKind,
  isDeskEventName,
  refused,
  unknownChannelMessage,
} from '../../../shared/ipc/names.ts';

describe('the name lists match the contract', () => {
  it('types: the channel list is exactly the keys of the channel table, the event list those of DeskEvents', () => {
    // Checked by the typecheck (test/** is in tsconfig.test.json); no-ops when vitest runs them.
    expectTypeOf<ChannelName>().toEqualTypeOf<keyof typeof channels>();
    expectTypeOf<(typeof eventNames)[number]>().toEqualTypeOf<keyof DeskEvents>();
    expectTypeOf<DeskErrorData['kind']>().toEqualTypeOf<DeskErrorKind>();
    expectTypeOf<NameListsMatchContract>().toEqualTypeOf<[true, true]>();
  });

  it('runtime: the channel list equals the table keys, in order, without duplicates', () => {
    expect([...channelNames]).toEqual(Object.keys(channels));
    expect(new Set(channelNames).size).toBe(channelNames.length);
    expect(new Set(eventNames).size).toBe(eventNames.length);
    expect(new Set(deskErrorKinds).size).toBe(deskErrorKinds.length);
    expect(ipcPrefix).toBe('desk:');
  });
});

describe('the checks', () => {
  it('accept exactly the listed names; inherited object keys never pass', () => {
    for (const name of channelNames) expect(isChannelName(name)).toBe(true);
    for (const name of eventNames) expect(isDeskEventName(name)).toBe(true);
    for (const kind of deskErrorKinds) expect(isDeskErrorKind(kind)).toBe(true);
    for (const bad of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', '', 'instances', 'desk:request']) {
      expect(isChannelName(bad), bad).toBe(false);
      expect(isDeskEventName(bad), bad).toBe(false);
      expect(isDeskErrorKind(bad), bad).toBe(false);
    }
    for (const notString of [undefined, null, 1, {}, ['request']]) {
      expect(isChannelName(notString)).toBe(false);
      expect(isDeskErrorKind(notString)).toBe(false);
    }
  });

  it('refused() is a refused DeskResult carrying the message', () => {
    expect(refused(unknownChannelMessage)).toEqual({ ok: false, error: { kind: 'refused', message: unknownChannelMessage } });
  });
});

describe('what the preload pulls in', () => {
  // The preload bundles every runtime import; a value import of contract.ts or dispatch.ts would bring zod.
  const runtimeImports = (file: string) =>
    [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map(
      (m) => m[1],
    );

  it('names.ts has no runtime import at all', () => {
    expect(runtimeImports('../../../shared/ipc/names.ts')).toEqual([]);
  });

  it('shared/ipc/bridge.ts and electron/preload/bridge.ts import values from zod-free modules only', () => {
    expect(runtimeImports('../../../shared/ipc/bridge.ts')).toEqual(['./desk-error.ts', './names.ts']);
    expect(runtimeImports('../../../shared/ipc/desk-error.ts')).toEqual([]);
    expect(runtimeImports('../../../electron/preload/bridge.ts')).toEqual([
      '../../shared/ipc/bridge.ts',
      '../../shared/ipc/names.ts',
    ]);
  });
});
