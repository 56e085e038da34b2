/** Raft's message kinds and how the shared glyph primitives draw each (src/ui/stage/glyphs.tsx). */
import type { GlyphSpec } from '../stage/glyphs';

/**
 * Raft's message kinds (MessageLook.glyph) and how each is drawn: shape tells the kind,
 * colour the term or the answer; PreVote keeps RequestVote's shapes, dashed.
 */
export const RAFT_GLYPHS: Readonly<Record<string, GlyphSpec>> = {
  heartbeat: { shape: 'dot', fill: 'hollow', stroke: 'muted' },
  'request-vote': { shape: 'diamond', fill: 'era' },
  prevote: { shape: 'diamond', fill: 'hollow', dashed: true },
  'vote-reply': { shape: 'ballot', fill: 'answer', answer: { stem: 'vote', yes: 'granted', no: 'denied', vote: true } },
  'prevote-reply': { shape: 'ballot', fill: 'answer', dashed: true, answer: { stem: 'prevote', yes: 'granted', no: 'denied', vote: true } },
  append: { shape: 'square', fill: 'era', count: true },
  'append-reply': { shape: 'triangle', fill: 'answer', answer: { stem: 'append', yes: 'accepted', no: 'rejected' } },
  'client-request': { shape: 'wye', fill: 'accent' },
  'client-reply': { shape: 'wye', fill: 'hollow', stroke: 'accent', answer: { stem: 'client-reply', yes: 'ok', no: 'failed' } },
};
