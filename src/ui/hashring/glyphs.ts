/** The ring's one message kind, drawn with the shared primitives: a heartbeat is the small hollow dot every protocol's heartbeat is (UI.md). */
import type { GlyphSpec } from '../stage/glyphs';

export const RING_GLYPHS: Readonly<Record<string, GlyphSpec>> = {
  heartbeat: { shape: 'dot', fill: 'hollow', stroke: 'text' },
  // The simulator's client may still send a request: refused, as Raft and ZAB draw theirs.
  'client-request': { shape: 'wye', fill: 'accent' },
  'client-reply': { shape: 'wye', fill: 'hollow', stroke: 'accent', answer: { stem: 'client-reply', yes: 'ok', no: 'failed' } },
};
