/**
 * Message glyphs, centred at (0, 0). Shape tells the kind, colour the answer or term, and a
 * ✓ / ✗ or count label repeats what colour says (never colour alone).
 */
import { symbol, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, symbolCircle } from 'd3';
import type { Glyph } from '../../core/protocol';
import { termColor } from '../palette';

const path = {
  diamond: symbol(symbolDiamond, 110)() ?? '',
  square: symbol(symbolSquare, 90)() ?? '',
  triangle: symbol(symbolTriangle, 70)() ?? '',
  wye: symbol(symbolWye, 110)() ?? '',
  circle: symbol(symbolCircle, 60)() ?? '',
};

export interface GlyphLook {
  glyph: Glyph;
  term?: number;
  verdict?: boolean;
  count?: number;
  /** PreVote request or reply. */
  pre?: boolean;
}

export function MessageGlyph({ look }: { look: GlyphLook }) {
  const term = look.term ?? 0;
  const verdictMark =
    look.verdict === undefined ? null : (
      <text className="glyph-label" x={6} y={-5} fill={look.verdict ? 'var(--good)' : 'var(--bad)'}>
        {look.verdict ? '✓' : '✗'}
      </text>
    );
  switch (look.glyph) {
    case 'heartbeat':
      return <circle r={3.6} fill="var(--surface)" stroke="var(--muted)" strokeWidth={1.6} />;
    case 'request-vote':
      return look.pre ? (
        <path d={path.diamond} fill="var(--surface)" stroke="var(--text)" strokeWidth={1.3} strokeDasharray="2.5 1.8" />
      ) : (
        <path d={path.diamond} fill={termColor(term)} stroke="var(--text)" strokeWidth={1} />
      );
    case 'vote-reply':
    case 'append-reply':
      return (
        <g>
          <path
            d={path.triangle}
            fill={look.verdict === false ? 'var(--bad)' : look.verdict ? 'var(--good)' : 'var(--muted)'}
            stroke="var(--surface)"
            strokeWidth={0.8}
            strokeDasharray={look.pre ? '2 1.5' : undefined}
          />
          {verdictMark}
        </g>
      );
    case 'append':
      return (
        <g>
          <path d={path.square} fill={termColor(term)} stroke="var(--text)" strokeWidth={1} />
          {look.count !== undefined && look.count > 1 && (
            <text className="glyph-label" x={6.5} y={-5} fill="var(--text)">
              ×{look.count}
            </text>
          )}
        </g>
      );
    case 'client-request':
      return <path d={path.wye} fill="var(--accent)" stroke="var(--surface)" strokeWidth={0.8} />;
    case 'client-reply':
      return (
        <g>
          <path d={path.wye} fill="var(--surface)" stroke="var(--accent)" strokeWidth={1.6} />
          {verdictMark}
        </g>
      );
    default:
      return <path d={path.circle} fill="var(--muted)" />;
  }
}
