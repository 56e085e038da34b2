/**
 * Number and name formatting shared by every view. Numbers go through Intl so the two
 * languages group digits their own way; node names stay "n3" in both languages because
 * that is how the CLI, the tests and the event list name them.
 */
import { CLIENT_ID_BASE } from '../../core/protocol';

import type { Lang } from '../../store/types';

export type { Lang };
export const LANGS: readonly Lang[] = ['en', 'zh'];

const intFormats = new Map<Lang, Intl.NumberFormat>();
const secFormats = new Map<Lang, Intl.NumberFormat>();

/** A whole number with the language's grouping ("1,234"). */
export function fmtInt(n: number, lang: Lang): string {
  let f = intFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 });
    intFormats.set(lang, f);
  }
  return f.format(n);
}

/** Virtual milliseconds as seconds with three decimals: "3.412 s". */
export function fmtTime(ms: number, lang: Lang): string {
  let f = secFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    secFormats.set(lang, f);
  }
  return `${f.format(ms / 1000)} s`;
}

/**
 * A speed factor: "2×", "max"; a slow one as the fraction people say ("1/50×", "1/1000×",
 * as RaftScope writes them), unless it is no whole fraction (a URL's 0.3 stays "0.3×").
 */
export function fmtSpeed(speed: number | 'max', maxLabel: string): string {
  if (speed === 'max') return maxLabel;
  if (speed > 0 && speed < 1) {
    const d = Math.round(1 / speed);
    if (Math.abs(1 / speed - d) < 1e-6 * d) return `1/${d}×`;
  }
  return `${speed}×`;
}

/** True for the ids the simulator gives client actors. */
export function isClient(id: number): boolean {
  return id >= CLIENT_ID_BASE;
}

/** A service client's short name by its 1-based number ("c2"), as nodeRef names its actor. */
export function clientRef(client: number): string {
  return `c${client}`;
}

/** The short, language-independent name of a node ("n3") or client ("c1"). */
export function nodeRef(id: number): string {
  return isClient(id) ? `c${id - CLIENT_ID_BASE + 1}` : `n${id}`;
}
