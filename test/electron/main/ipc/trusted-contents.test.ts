import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTrustedContents } from '../../../../electron/main/ipc/trusted-contents.ts';

function contents(id: number) {
  let destroyed = false;
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    id,
    isDestroyed: () => destroyed,
    send: () => undefined,
    destroy: () => {
      destroyed = true;
      emitter.emit('destroyed');
    },
  });
}

describe('trusted contents', () => {
  it('knows added webContents until they are destroyed', () => {
    const trusted = createTrustedContents();
    const a = contents(1);
    const b = contents(2);
    trusted.add(a);
    trusted.add(b);
    expect(trusted.has(1)).toBe(true);
    expect(trusted.list()).toEqual([a, b]);
    a.destroy();
    expect(trusted.has(1)).toBe(false);
    expect(trusted.list()).toEqual([b]);
  });

  it('never trusts an id it was not given', () => {
    expect(createTrustedContents().has(1)).toBe(false);
  });

  it('ignores an already destroyed webContents', () => {
    const trusted = createTrustedContents();
    const a = contents(3);
    a.destroy();
    trusted.add(a);
    expect(trusted.has(3)).toBe(false);
  });
});
