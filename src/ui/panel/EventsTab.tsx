/**
 * The event list: recent frames narrated with their reasons, the current one highlighted
 * and kept in view; clicking one seeks there.
 */
import { useEffect, useRef } from 'react';
import type { EventRow } from '../../sim/api';
import { useApp, useT } from '../StoreContext';
import { fmtInt, fmtTime } from '../i18n';
import type { ProtocolView } from '../views/types';

export function EventsTab({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const events = useApp((s) => s.events);
  const frame = useApp((s) => s.view?.frame ?? 0);
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
  }, [frame, events]);

  // Frame 0 has no event row; show it as "Initial state" while the list reaches back to it.
  const rows: (EventRow | null)[] =
    events.length === 0 || events[0].frame <= 1 ? [null, ...events.filter((e) => e.frame > 0)] : events;
  if (events.length === 0 && frame === 0) {
    return <p className="note">{t.eventsEmpty}</p>;
  }
  return (
    <div className="events-tab">
      <p className="note">{t.eventsHelp}</p>
      <ol className="events" ref={list}>
        {rows.map((row) => {
          const f = row ? row.frame : 0;
          const { headline, details } = pv.narrateParts(row, lang);
          return (
            <li key={f}>
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
