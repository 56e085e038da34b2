/**
 * Message glyphs, centred at (0, 0), drawn from the protocol view's table (ProtocolView.glyphs):
 * each message kind names a shared shape, a fill and whether its outline is dashed, and may
 * carry a short label — shape and words tell the kind, colour the answer or the era, and a
 * ✓ / ✗ or count label repeats what colour says (never colour alone). Raft's table
 * (src/ui/raft/view.ts):
 *   heartbeat: a small hollow dot        RequestVote: a diamond in the term's colour
 *   vote answer: a circle with ✓ / ✗     AppendEntries: a square in the entry's term colour
 *   append answer: a triangle with ✓ / ✗ beside it
 * PreVote and its answers keep their shapes with a dashed outline. The mark of an answer
 * sits inside a ballot or beside the other shapes, within the glyph's own box (a legend
 * swatch never clips it).
 */
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3';
import { termColor } from '../palette';

/** The shared shape primitives a protocol picks from. `dot`: a small circle; `ballot`: a circle with the answer's ✓ / ✗ inside. */
export type GlyphShape = 'dot' | 'circle' | 'ballot' | 'diamond' | 'square' | 'triangle' | 'wye' | 'hexagon' | 'star' | 'cross' | 'bar';
/** era: the era's colour; answer: green / red by the verdict; hollow: the surface, outlined; accent / muted: fixed. */
export type GlyphFill = 'era' | 'answer' | 'hollow' | 'accent' | 'muted';

export interface GlyphSpec {
  shape: GlyphShape;
  fill: GlyphFill;
  /** Outline colour of a hollow or dashed shape (default: text). */
  stroke?: 'text' | 'muted' | 'accent';
  dashed?: boolean;
  /** A short label beside the shape (e.g. "NL"), so kinds that share a shape still read apart. */
  label?: string;
  /** Show ×count beside the shape when a message carries more than one item. */
  count?: boolean;
  /**
   * A reply: data-glyph is `${stem}-${yes}` or `${stem}-${no}` by its verdict, and the
   * message's name says granted/denied (`vote`) or accepted/rejected.
   */
  answer?: { stem: string; yes: string; no: string; vote?: boolean };
}

/** What a legend or the stage hands the glyph: the message's kind and look. */
export interface GlyphLook {
  /** The protocol's message kind (MessageLook.glyph), a key of the view's glyph table. */
  glyph: string;
  era?: number;
  verdict?: boolean;
  count?: number;
}

/** Drawn for a kind the table does not know. */
export const OTHER_GLYPH: GlyphSpec = { shape: 'circle', fill: 'muted' };

export type GlyphTable = Readonly<Record<string, GlyphSpec>>;

function specOf(table: GlyphTable, glyph: string): GlyphSpec {
  return Object.prototype.hasOwnProperty.call(table, glyph) ? table[glyph] : OTHER_GLYPH;
}

/** A stable name for what a glyph shows (kind and answer), exposed as data-glyph for tests and tools. */
export function glyphName(look: GlyphLook, table: GlyphTable): string {
  if (!Object.prototype.hasOwnProperty.call(table, look.glyph)) return look.glyph === '' ? 'other' : look.glyph;
  const a = table[look.glyph].answer;
  if (!a) return look.glyph;
  return look.verdict === undefined ? a.stem : `${a.stem}-${look.verdict ? a.yes : a.no}`;
}

/** Whether the kind's answer reads granted/denied (a vote) rather than accepted/rejected. */
export function isVote(look: GlyphLook, table: GlyphTable): boolean {
  return specOf(table, look.glyph).answer?.vote === true;
}

const HEX = (() => {
  const r = 6.2;
  const pts = Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i;
    return `${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`;
  });
  return `M${pts.join('L')}Z`;
})();

const PATH: Record<Exclude<GlyphShape, 'dot' | 'ballot' | 'bar'>, string> = {
  circle: symbol(symbolCircle, 60)() ?? '',
  diamond: symbol(symbolDiamond, 110)() ?? '',
  square: symbol(symbolSquare, 90)() ?? '',
  triangle: symbol(symbolTriangle, 80)() ?? '',
  wye: symbol(symbolWye, 110)() ?? '',
  hexagon: HEX,
  star: symbol(symbolStar, 90)() ?? '',
  cross: symbol(symbolCross, 90)() ?? '',
};

function answerFill(verdict: boolean | undefined): string {
  return verdict === false ? 'var(--bad)' : verdict ? 'var(--good)' : 'var(--muted)';
}

/** Fill, outline and outline width of a spec: filled shapes get a thin outline, hollow and dashed ones a visible one. */
function paint(spec: GlyphSpec, look: GlyphLook): { fill: string; stroke: string | undefined; width: number | undefined; dash: string | undefined } {
  const outline = `var(--${spec.stroke ?? 'text'})`;
  const fill =
    spec.fill === 'era' ? termColor(look.era ?? 0) : spec.fill === 'answer' ? answerFill(look.verdict) : spec.fill === 'hollow' ? 'var(--surface)' : `var(--${spec.fill})`;
  const dash = spec.dashed ? (spec.shape === 'ballot' ? '2.4 1.6' : '2.5 1.8') : undefined;
  if (spec.dashed) return { fill, stroke: outline, width: 1.3, dash };
  if (spec.fill === 'hollow') return { fill, stroke: outline, width: 1.6, dash };
  if (spec.fill === 'muted') return { fill, stroke: undefined, width: undefined, dash };
  if (spec.fill === 'era') return { fill, stroke: 'var(--text)', width: 1, dash };
  return { fill, stroke: 'var(--surface)', width: spec.shape === 'ballot' ? 1 : 0.8, dash };
}

export function MessageGlyph({ look, table, markSize = 10 }: { look: GlyphLook; table: GlyphTable; markSize?: number }) {
  const spec = specOf(table, look.glyph);
  const p = paint(spec, look);
  const mark = spec.answer && look.verdict !== undefined ? (look.verdict ? '✓' : '✗') : '';
  // Beside the shape: the answer's mark (outside a ballot), then ×count, then the kind's label.
  const beside: { text: string; fill: string }[] = [];
  if (mark && spec.shape !== 'ballot') beside.push({ text: mark, fill: answerFill(look.verdict) });
  if (spec.count && look.count !== undefined && look.count > 1) beside.push({ text: `×${look.count}`, fill: 'var(--text)' });
  if (spec.label) beside.push({ text: spec.label, fill: 'var(--text)' });
  let shape: React.ReactNode;
  switch (spec.shape) {
    case 'dot':
      shape = <circle r={3.6} fill={p.fill} stroke={p.stroke} strokeWidth={p.width} strokeDasharray={p.dash} />;
      break;
    case 'ballot': {
      // A ballot: a circle in the answer's colour with the ✓ / ✗ inside it.
      const r = 7.2;
      shape = (
        <>
          <circle r={r} fill={p.fill} stroke={p.stroke} strokeWidth={p.width} strokeDasharray={p.dash} />
          {mark && (
            <text className="glyph-mark" textAnchor="middle" dominantBaseline="central" style={{ fontSize: r * 1.5 }} fill="var(--surface)">
              {mark}
            </text>
          )}
        </>
      );
      break;
    }
    case 'bar':
      shape = <rect x={-2} y={-7} width={4} height={14} fill={p.fill} stroke={p.stroke} strokeWidth={p.width} strokeDasharray={p.dash} />;
      break;
    default:
      shape = <path d={PATH[spec.shape]} fill={p.fill} stroke={p.stroke} strokeWidth={p.width} strokeDasharray={p.dash} />;
  }
  if (beside.length === 0 && spec.shape !== 'ballot') return shape;
  return (
    <g>
      {shape}
      {beside.length > 0 && (
        <text className="glyph-label" x={6.5} y={0} dominantBaseline="central" style={{ fontSize: markSize }} fill={beside[0].fill}>
          {beside.map((b, i) =>
            i === 0 ? (
              b.text
            ) : (
              <tspan key={i} fill={b.fill}>
                {' '}
                {b.text}
              </tspan>
            ),
          )}
        </text>
      )}
    </g>
  );
}
