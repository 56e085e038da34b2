/**
 * How each of ZAB's message kinds is drawn (MessageLook.glyph is one of ZAB_GLYPHS), with
 * the shared shape primitives of src/ui/stage/glyphs.tsx: every kind differs by shape or
 * label, never by colour alone (UI.md). `era` fills with the epoch's colour (the shared
 * palette), `answer` with the verdict's colour, `hollow` outlines only.
 *
 * Families share a shape: the election's notification is a diamond (Raft's vote request);
 * discovery's FOLLOWERINFO / ACKEPOCH are triangles and LEADERINFO a star; the sync modes
 * are bars (TRUNC dashed) and SNAP a hexagon; broadcast's PROPOSAL is a square (Raft's
 * append), its ACK a triangle, its COMMIT a filled circle; PING the small hollow dot of a
 * heartbeat. Labels are ZooKeeper's packet names, kept in English in both languages.
 */
import type { ZabGlyph } from '../../core/zab/types';
import type { GlyphSpec } from '../stage/glyphs';

export const ZAB_GLYPH_TABLE: Readonly<Record<ZabGlyph, GlyphSpec>> = {
  // The most frequent kind in an election, and the only diamond: no label to crowd the nodes.
  notification: { shape: 'diamond', fill: 'era' },
  followerinfo: { shape: 'triangle', fill: 'hollow', label: 'FI' },
  leaderinfo: { shape: 'star', fill: 'era', label: 'LI' },
  ackepoch: { shape: 'triangle', fill: 'answer', label: 'AE' },
  diff: { shape: 'bar', fill: 'era', label: 'DIFF' },
  trunc: { shape: 'bar', fill: 'hollow', dashed: true, label: 'TRUNC' },
  snap: { shape: 'hexagon', fill: 'era', count: true, label: 'SNAP' },
  newleader: { shape: 'star', fill: 'hollow', label: 'NL' },
  uptodate: { shape: 'hexagon', fill: 'hollow', label: 'UP' },
  proposal: { shape: 'square', fill: 'era', label: 'P' },
  ack: { shape: 'triangle', fill: 'answer', label: 'ACK' },
  commit: { shape: 'circle', fill: 'era', label: 'C' },
  ping: { shape: 'dot', fill: 'hollow', stroke: 'muted' },
  request: { shape: 'wye', fill: 'era', label: 'REQ' },
  'client-request': { shape: 'wye', fill: 'accent' },
  'client-reply': { shape: 'wye', fill: 'hollow', stroke: 'accent', answer: { stem: 'client-reply', yes: 'ok', no: 'failed' } },
};
