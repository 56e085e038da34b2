/** The legend, one click away: every glyph and mark with what it means. */
import { useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { Popover } from '../shell/Popover';
import type { ProtocolView } from '../views/types';
import { MessageGlyph } from './glyphs';

function Swatch({ children }: { children: React.ReactNode }) {
  return (
    // Wide enough for a glyph and what is written beside it: ✓ / ✗, ×2, or a kind's label (ZAB's TRUNC, REQ).
    <svg width="58" height="22" viewBox="-12 -11 58 22" aria-hidden="true" className="legend-swatch">
      {children}
    </svg>
  );
}

/**
 * The current protocol's message kinds come from its view's table (ProtocolView.legend,
 * drawn by ProtocolView.glyphs, named by its dictionary), then its leader mark and timer
 * arcs, then what every protocol shares (dropped, down, cut, partition).
 */
export function Legend({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [open, setOpen] = useState(false);
  const L = t.legendItems;
  const P = pv.dict(lang).legend;

  return (
    <div className="legend-wrap">
      <button type="button" className="chip corner-chip" aria-label={t.legend} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">◇</span> <span className="chip-text">{t.legend}</span>
      </button>
      {open && (
        <Popover label={t.legendTitle} onClose={() => setOpen(false)} className="legend">
          <h2 className="popover-title">{t.legendTitle}</h2>
          <ul className="legend-list">
            {pv.legend.messages.map(({ look, label }) => (
              <li key={label}>
                <Swatch>
                  <MessageGlyph look={look} table={pv.glyphs} />
                </Swatch>
                {P[label] ?? label}
              </li>
            ))}
            <li>
              <Swatch>
                <g opacity={0.35}>
                  <MessageGlyph look={pv.legend.dropped} table={pv.glyphs} />
                </g>
              </Swatch>
              {L.dropped}
            </li>
            <li>
              <Swatch>
                <circle r={8} fill="var(--leader)" stroke="var(--leader-stroke)" strokeWidth={3} />
              </Swatch>
              {P.leader}
            </li>
            <li>
              <Swatch>
                <circle r={8} fill="var(--down-fill)" stroke="var(--down-stroke)" strokeWidth={1.5} strokeDasharray="3 2" />
              </Swatch>
              {L.down}
            </li>
            {pv.legend.arcs.map((kind) => (
              <li key={`arc-${kind}`}>
                <Swatch>
                  <path d="M0,-8 A8,8 0 1,1 -7.6,2.5" fill="none" stroke="var(--muted)" strokeWidth={3} />
                </Swatch>
                {P[kind] ?? kind}
              </li>
            ))}
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
