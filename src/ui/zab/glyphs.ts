/**
 * How each of ZAB's message kinds is drawn (MessageLook.glyph is one of ZAB_GLYPHS): a
 * shape primitive, a fill and a short label, so every kind differs by shape AND label,
 * never by colour alone (UI.md). `era` fills with the epoch's colour (the shared palette),
 * `answer` with the verdict's colour (green ✓ / red ✗), `hollow` outlines only.
 *
 * Families share a shape: the election's notification is a diamond (Raft's vote request);
 * discovery's three are triangles / a star; the sync modes are bars; broadcast's PROPOSAL
 * is a square (Raft's append), its ACK a triangle, its COMMIT a filled circle; PING the
 * small hollow dot of a heartbeat.
 */
import type { ZabGlyph } from '../../core/zab/types';

export type GlyphShape = 'circle' | 'dot' | 'diamond' | 'square' | 'triangle' | 'wye' | 'hexagon' | 'star' | 'bar';
export type GlyphFill = 'era' | 'answer' | 'hollow';

export interface ZabGlyphSpec {
  shape: GlyphShape;
  fill: GlyphFill;
  /** Dashed outline (the sync mode that removes entries). */
  dashed?: boolean;
  /** Short label drawn beside the shape (language-independent: ZooKeeper's packet names). */
  label: string;
}

export const ZAB_GLYPH_TABLE: Record<ZabGlyph, ZabGlyphSpec> = {
  // The most frequent kind in an election, and the only diamond: no label to crowd the nodes.
  notification: { shape: 'diamond', fill: 'era', label: '' },
  followerinfo: { shape: 'triangle', fill: 'hollow', label: 'FI' },
  leaderinfo: { shape: 'star', fill: 'era', label: 'LI' },
  ackepoch: { shape: 'triangle', fill: 'answer', label: 'AE' },
  diff: { shape: 'bar', fill: 'era', label: 'DIFF' },
  trunc: { shape: 'bar', fill: 'hollow', dashed: true, label: 'TRUNC' },
  snap: { shape: 'hexagon', fill: 'era', label: 'SNAP' },
  newleader: { shape: 'star', fill: 'hollow', label: 'NL' },
  uptodate: { shape: 'hexagon', fill: 'hollow', label: 'UP' },
  proposal: { shape: 'square', fill: 'era', label: 'P' },
  ack: { shape: 'triangle', fill: 'answer', label: 'ACK' },
  commit: { shape: 'circle', fill: 'era', label: 'C' },
  ping: { shape: 'dot', fill: 'hollow', label: '' },
  request: { shape: 'wye', fill: 'era', label: 'REQ' },
  'client-request': { shape: 'wye', fill: 'answer', label: '' },
  'client-reply': { shape: 'wye', fill: 'hollow', label: '' },
};
