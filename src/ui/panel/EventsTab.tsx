/**
 * The event list: recent frames narrated with their reasons, the current one highlighted
 * and kept in view; clicking one seeks there. "Decisions only" (on by default, see
 * SidePanel) hides routine rows (heartbeats: EventRow.notable false), except the current
 * frame's, which always stays in the list.
 */
import { useEffect, useRef } from 'react';
import type { EventRow } from '../../sim/api';
import { useApp, useT } from '../StoreContext';
import { fmtInt, fmtTime } from '../i18n';
import type { ProtocolView } from '../views/types';
import './panel.css';

export function EventsTab({
  pv,
  decisionsOnly,
  onDecisionsOnly,
}: {
  pv: ProtocolView;
  decisionsOnly: boolean;
  onDecisionsOnly: (on: boolean) => void;
}) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const events = useApp((s) => s.events);
  const frame = useApp((s) => s.view?.frame ?? 0);
  const view = useApp((s) => s.view);
  const seek = useApp((s) => s.seek);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!el || !list.current) return;
    // Scroll only the list (not the page) so the current event stays visible.
    const box = list.current;
    const top = el.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + el.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 2);
    }
  }, [frame, events, decisionsOnly]);

  // Frame 0 has no event row; show it as "Initial state" while the list reaches back to it.
  const all: (EventRow | null)[] =
    events.length === 0 || events[0].frame <= 1 ? [null, ...events.filter((e) => e.frame > 0)] : events;
  const rows = decisionsOnly ? all.filter((row) => row === null || row.notable || row.frame === frame) : all;
  const hidden = all.length - rows.length;
  if (events.length === 0 && frame === 0) {
    return <p className="note">{t.eventsEmpty}</p>;
  }
  return (
    <div className="events-tab">
      <div className="events-bar">
        <p className="note">{t.eventsHelp}</p>
        <label className="events-filter" title={t.chromeDecisionsHelp}>
          <input type="checkbox" checked={decisionsOnly} onChange={(e) => onDecisionsOnly(e.target.checked)} />
          {t.chromeDecisionsOnly}
        </label>
      </div>
      {hidden > 0 && (
        <p className="note events-hidden" aria-live="off">
          {t.chromeHiddenRoutine(fmtInt(hidden, lang))}
        </p>
      )}
      <ol className="events" ref={list}>
        {rows.map((row) => {
          const f = row ? row.frame : 0;
          const { headline, details } = pv.narrateParts(row, lang, view);
          return (
            <li key={f} data-notable={row ? row.notable : true}>
              <button
                type="button"
                className={`event ${f === frame ? 'current' : ''} ${details.length ? 'has-detail' : ''}`}
                aria-current={f === frame ? 'true' : undefined}
                onClick={() => void seek(f)}
              >
                <span className="ev-meta">
                  #{fmtInt(f, lang)} · {fmtTime(row ? row.time : 0, lang)}
                </span>
                <span className="ev-head">{headline}</span>
                {details.map((d, i) => (
                  <span key={i} className="ev-detail">
                    {d}
                  </span>
                ))}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
