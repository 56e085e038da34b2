/**
 * The one dictionary of user-visible strings. Components call `useT()` (./useT.ts) for the
 * dictionary of the store's language; pure code (narration, tests) calls `dict(lang)`.
 */
import { en, type Dict } from './en';
import { zh } from './zh';
import type { Lang } from './format';

export type { Dict } from './en';
export * from './format';

const DICTS: Record<Lang, Dict> = { en, zh };

export function dict(lang: Lang): Dict {
  return DICTS[lang];
}

/** Both dictionaries, for tests that check every key is filled. */
export const allDicts = DICTS;
