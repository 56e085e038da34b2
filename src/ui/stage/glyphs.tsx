/**
 * Message glyphs, centred at (0, 0). Shape tells the kind, colour the answer or term, and a
 * ✓ / ✗ or count label repeats what colour says (never colour alone):
 *   heartbeat: a small hollow dot        RequestVote: a diamond in the term's colour
 *   vote answer: a circle with ✓ / ✗     AppendEntries: a square in the entry's term colour
 *   append answer: a triangle with ✓ / ✗ beside it
 * PreVote and its answers keep their shapes with a dashed outline. The mark of an answer
 * sits inside the circle or beside the triangle, within the glyph's own box (a legend
 * swatch never clips it).
 */
import { symbol, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, symbolCircle } from 'd3';
import { termColor } from '../palette';

const path = {
  diamond: symbol(symbolDiamond, 110)() ?? '',
  square: symbol(symbolSquare, 90)() ?? '',
  triangle: symbol(symbolTriangle, 80)() ?? '',
  wye: symbol(symbolWye, 110)() ?? '',
  circle: symbol(symbolCircle, 60)() ?? '',
};

export interface GlyphLook {
  /** The protocol's message kind (MessageLook.glyph). */
  glyph: string;
  era?: number;
  verdict?: boolean;
  count?: number;
  /** PreVote request or reply. */
  pre?: boolean;
}

/** A stable name for what a glyph shows (kind and answer), exposed as data-glyph for tests and tools. */
export function glyphName(look: GlyphLook): string {
  const answer = (yes: string, no: string) => (look.verdict === undefined ? '' : look.verdict ? `-${yes}` : `-${no}`);
  switch (look.glyph) {
    case 'request-vote':
      return look.pre ? 'prevote' : 'request-vote';
    case 'vote-reply':
      return `${look.pre ? 'prevote' : 'vote'}${answer('granted', 'denied')}`;
    case 'append-reply':
      return `append${answer('accepted', 'rejected')}`;
    case 'client-reply':
      return `client-reply${answer('ok', 'failed')}`;
    default:
      return look.glyph;
  }
}

function answerFill(verdict: boolean | undefined): string {
  return verdict === false ? 'var(--bad)' : verdict ? 'var(--good)' : 'var(--muted)';
}

export function MessageGlyph({ look, markSize = 10 }: { look: GlyphLook; markSize?: number }) {
  const term = look.era ?? 0;
  const mark = look.verdict === undefined ? '' : look.verdict ? '✓' : '✗';
  const besideMark = (x: number) =>
    mark && (
      <text className="glyph-label" x={x} y={0} dominantBaseline="central" style={{ fontSize: markSize }} fill={answerFill(look.verdict)}>
        {mark}
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
    case 'vote-reply': {
      // A ballot: a circle in the answer's colour with the ✓ / ✗ inside it.
      const r = 7.2;
      return (
        <g>
          <circle
            r={r}
            fill={answerFill(look.verdict)}
            stroke={look.pre ? 'var(--text)' : 'var(--surface)'}
            strokeWidth={look.pre ? 1.3 : 1}
            strokeDasharray={look.pre ? '2.4 1.6' : undefined}
          />
          {mark && (
            <text className="glyph-mark" textAnchor="middle" dominantBaseline="central" style={{ fontSize: r * 1.5 }} fill="var(--surface)">
              {mark}
            </text>
          )}
        </g>
      );
    }
    case 'append-reply':
      return (
        <g>
          <path d={path.triangle} fill={answerFill(look.verdict)} stroke="var(--surface)" strokeWidth={0.8} />
          {besideMark(6.5)}
        </g>
      );
    case 'append':
      return (
        <g>
          <path d={path.square} fill={termColor(term)} stroke="var(--text)" strokeWidth={1} />
          {look.count !== undefined && look.count > 1 && (
            <text className="glyph-label" x={6.5} y={0} dominantBaseline="central" style={{ fontSize: markSize }} fill="var(--text)">
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
          {besideMark(6.5)}
        </g>
      );
    default:
      return <path d={path.circle} fill="var(--muted)" />;
  }
}
