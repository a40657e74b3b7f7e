// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { contrastRatio, TopBar, textOn } from '../../../renderer/app/TopBar.tsx';
import { presetColors, tagColors } from '../../../renderer/features/instances/tags.ts';
import { cleanup, render } from '../support/dom.tsx';
import { anInstance } from '../support/fixtures.ts';

afterEach(cleanup);

describe('top bar contrast (WCAG AA, 4.5:1 for its small text)', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#ffffff', '#2e7d32')).toBeCloseTo(5.13, 2);
  });

  it('carries white text at 4.5:1 or better on every tag colour', () => {
    for (const [tag, color] of Object.entries(tagColors)) {
      expect(textOn(color), tag).toBe('#ffffff');
      expect(contrastRatio('#ffffff', color), tag).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('picks the text colour that reads at 4.5:1 on every preset and on any colour a user may type', () => {
    const greys = Array.from({ length: 52 }, (_, index) => `#${(index * 5).toString(16).padStart(2, '0').repeat(3)}`);
    const hues = ['#1e66f5', '#0f8b8d', '#b26a00', '#ffeb3b', '#00ff00', '#ff0000', '#7f7f7f', '#767676', '#959595'];
    for (const color of [...presetColors.map((preset) => preset.value), ...greys, ...hues]) {
      expect(contrastRatio(textOn(color), color), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('paints the bar in the tag colour with that text colour, at full strength', () => {
    const { container } = render(<TopBar instance={anInstance({ tag: 'staging', url: 'http://localhost:8080' })} />);
    const bar = container.querySelector('header');
    expect(bar?.style.background).toBe(tagColors.staging);
    expect(bar?.style.color).toBe('#ffffff');
    expect(bar?.getAttribute('style') ?? '').not.toMatch(/opacity/);
    expect(bar?.textContent).toContain('Staging');
  });
});
