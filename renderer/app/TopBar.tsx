import type { Instance } from '../../shared/ipc/contract.ts';
import { chromeColor, tagLabels } from '../features/instances/tags.ts';

/** Black or white text, whichever reads better on the bar's colour (user colours can be light). */
export function textOn(background: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return '#ffffff';
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => {
    const channel = Number.parseInt(hex ?? '0', 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luminance > 0.4 ? '#111111' : '#ffffff';
}

/** The window chrome carries the selected instance's tag colour; production cannot be mistaken for anything else. */
export function TopBar({ instance }: { instance: Instance | undefined }) {
  if (!instance) {
    return (
      <header className="topbar topbar-none">
        <span className="app-name">DF Desk</span>
      </header>
    );
  }
  const background = chromeColor(instance);
  const prod = instance.tag === 'prod';
  return (
    <header
      className={`topbar topbar-${instance.tag}`}
      style={{ background, color: textOn(background) }}
      data-tag={instance.tag}
    >
      <span className="app-name">DF Desk</span>
      <span className="topbar-instance">{instance.name}</span>
      {prod ? (
        <strong className="prod-label">PRODUCTION</strong>
      ) : (
        <span className="topbar-tag">{tagLabels[instance.tag]}</span>
      )}
      <span className="topbar-url">{instance.url}</span>
    </header>
  );
}
