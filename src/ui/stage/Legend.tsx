/** The legend, one click away: every glyph and mark with what it means. */
import { useState } from 'react';
import { useT } from '../StoreContext';
import { Popover } from '../shell/Popover';
import { MessageGlyph, type GlyphLook } from './glyphs';

function Swatch({ children }: { children: React.ReactNode }) {
  return (
    // Wide enough for a glyph and the ✓ / ✗ or ×2 beside it.
    <svg width="34" height="22" viewBox="-12 -11 34 22" aria-hidden="true" className="legend-swatch">
      {children}
    </svg>
  );
}

export function Legend() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const L = t.legendItems;
  const glyphs: [GlyphLook, string][] = [
    [{ glyph: 'heartbeat' }, L.heartbeat],
    [{ glyph: 'request-vote', era: 2 }, L.requestVote],
    [{ glyph: 'vote-reply', verdict: true }, L.voteYes],
    [{ glyph: 'vote-reply', verdict: false }, L.voteNo],
    [{ glyph: 'vote-reply', verdict: true, pre: true }, t.stageLegendPreVoteReply],
    [{ glyph: 'append', era: 3, count: 2 }, L.append],
    [{ glyph: 'append-reply', verdict: true }, L.appendYes],
    [{ glyph: 'append-reply', verdict: false }, L.appendNo],
    [{ glyph: 'client-request' }, L.clientRequest],
    [{ glyph: 'client-reply', verdict: true }, L.clientReply],
  ];
  return (
    <div className="legend-wrap">
      <button type="button" className="chip corner-chip" aria-label={t.legend} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">◇</span> <span className="chip-text">{t.legend}</span>
      </button>
      {open && (
        <Popover label={t.legendTitle} onClose={() => setOpen(false)} className="legend">
          <h2 className="popover-title">{t.legendTitle}</h2>
          <ul className="legend-list">
            {glyphs.map(([look, label]) => (
              <li key={label}>
                <Swatch>
                  <MessageGlyph look={look} />
                </Swatch>
                {label}
              </li>
            ))}
            <li>
              <Swatch>
                <g opacity={0.35}>
                  <MessageGlyph look={{ glyph: 'append', era: 1 }} />
                </g>
              </Swatch>
              {L.dropped}
            </li>
            <li>
              <Swatch>
                <circle r={8} fill="var(--leader)" stroke="var(--leader-stroke)" strokeWidth={3} />
              </Swatch>
              {L.leader}
            </li>
            <li>
              <Swatch>
                <circle r={8} fill="var(--down-fill)" stroke="var(--down-stroke)" strokeWidth={1.5} strokeDasharray="3 2" />
              </Swatch>
              {L.down}
            </li>
            <li>
              <Swatch>
                <path d="M0,-8 A8,8 0 1,1 -7.6,2.5" fill="none" stroke="var(--muted)" strokeWidth={3} />
              </Swatch>
              {L.timer}
            </li>
            <li>
              <Swatch>
                <line x1={-12} y1={0} x2={12} y2={0} stroke="var(--bad)" strokeWidth={2} strokeDasharray="4 3" />
              </Swatch>
              {L.cut}
            </li>
            <li>
              <Swatch>
                <rect x={-12} y={-8} width={24} height={16} rx={8} fill="var(--partition-a)" opacity={0.25} />
              </Swatch>
              {L.partition}
            </li>
          </ul>
          <button type="button" className="btn small" onClick={() => setOpen(false)}>
            {t.close}
          </button>
        </Popover>
      )}
    </div>
  );
}
