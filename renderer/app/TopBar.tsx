import type { Instance } from '../../shared/ipc/contract.ts';
import { chromeColor, tagLabels } from '../features/instances/tags.ts';

/** WCAG relative luminance of a `#rrggbb` colour; undefined for anything else. */
export function luminance(color: string): number | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return undefined;
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => {
    const channel = Number.parseInt(hex ?? '0', 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a) ?? 0, luminance(b) ?? 0];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const white = '#ffffff';
const nearBlack = '#111111';
const black = '#000000';

/**
 * White or near-black text, whichever contrasts more with the bar's colour (user colours can be light); pure
 * black for the few mid greys where neither reaches 4.5:1. White or black always does (at worst 4.58:1), so the
 * bar's small text stays readable whatever colour the user picked.
 */
export function textOn(background: string): string {
  if (luminance(background) === undefined) return white;
  const best = contrastRatio(white, background) >= contrastRatio(nearBlack, background) ? white : nearBlack;
  return contrastRatio(best, background) >= 4.5 ? best : black;
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
