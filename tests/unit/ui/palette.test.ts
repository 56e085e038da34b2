import { describe, expect, it } from 'vitest';
import { contrast, termColor, termTextColor, TERM_COLORS } from '../../../src/ui/palette';
import { THEMES, themeVars } from '../../../src/ui/themes';

describe('the term palette', () => {
  it('gives one colour per term, the same every time, cycling through the set', () => {
    expect(termColor(1)).toBe(termColor(1));
    expect(termColor(1)).not.toBe(termColor(2));
    expect(termColor(1 + TERM_COLORS.length)).toBe(termColor(1));
    expect(termColor(0)).not.toBe(termColor(1));
  });

  it('writes term numbers on the colour with contrast of at least 4.5:1', () => {
    for (let term = 0; term <= TERM_COLORS.length; term++) {
      expect(contrast(termColor(term), termTextColor(term)), `term ${term}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes WCAG contrast', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777', '#777')).toBeCloseTo(1, 5);
  });
});

describe('themes', () => {
  for (const [name, c] of Object.entries(THEMES)) {
    it(`${name}: text contrast is at least 4.5:1 everywhere text is drawn`, () => {
      const pairs: [string, string, string][] = [
        ['text/bg', c.text, c.bg],
        ['text/surface', c.text, c.surface],
        ['text/surface2', c.text, c.surface2],
        ['muted/bg', c.muted, c.bg],
        ['muted/surface', c.muted, c.surface],
        ['accentText/accent', c.accentText, c.accent],
        ['accent/surface', c.accent, c.surface],
        ['danger/surface', c.danger, c.surface],
        ['bad/surface', c.bad, c.surface],
        ['good/surface', c.good, c.surface],
        ['text/follower', c.text, c.follower],
        ['text/candidate', c.text, c.candidate],
        ['text/leader', c.text, c.leader],
        ['text/downFill', c.text, c.downFill],
      ];
      for (const [label, fg, bg] of pairs) expect(contrast(fg, bg), label).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('exposes the theme as CSS variables', () => {
    expect(themeVars('dark')['--leader-stroke']).toBe(THEMES.dark.leaderStroke);
    expect(themeVars('light')['--bg']).toBe(THEMES.light.bg);
  });
});
