/**
 * The term palette: one categorical colour per term, the same in the stage (append
 * messages, the term badge), the log grid and the timeline. Okabe–Ito's colour-blind-safe
 * set (without black) plus three of Paul Tol's (wine, olive, indigo), so the Raft paper's
 * figures (terms 1–8) never repeat a colour; later terms cycle. The term number is always
 * written inside the colour too, so nothing relies on colour alone.
 */
import { rgb } from 'd3';

export const TERM_COLORS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#882255',
  '#999933',
  '#332288',
] as const;
export const NO_TERM_COLOR = '#A0A0A0';

export function termColor(term: number): string {
  if (!(term > 0)) return NO_TERM_COLOR;
  return TERM_COLORS[(term - 1) % TERM_COLORS.length];
}

/** WCAG relative luminance of a CSS colour. */
export function luminance(color: string): number {
  const c = rgb(color);
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}

/** WCAG contrast ratio between two CSS colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const DARK_TEXT = '#111111';
const LIGHT_TEXT = '#FFFFFF';

/** Text colour for a number written on the term's colour: whichever contrasts more. */
export function termTextColor(term: number): string {
  const bg = termColor(term);
  return contrast(bg, DARK_TEXT) >= contrast(bg, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}
