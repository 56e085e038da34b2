/** The side panel: Log | Events | Node tabs (ARIA tabs, arrow keys move between them). */
import { useState, type KeyboardEvent } from 'react';
import { useApp, useT } from '../StoreContext';
import type { PanelTab } from '../../store/types';
import type { ProtocolView } from '../views/types';
import { EventsTab } from './EventsTab';
import { NodeTab } from './NodeTab';

const TABS: PanelTab[] = ['log', 'events', 'node'];

export function SidePanel({ pv, idBase }: { pv: ProtocolView; idBase: string }) {
  const t = useT();
  const tab = useApp((s) => s.tab);
  const setTab = useApp((s) => s.setTab);
  const selected = useApp((s) => s.selected);
  const lang = useApp((s) => s.lang);
  // The event list shows decisions only until the user asks for every event. Not stored
  // (no localStorage, no URL): what a link opens never depends on an earlier visit.
  const [decisionsOnly, setDecisionsOnly] = useState(true);
  const label = (k: PanelTab) =>
    k === 'log' ? pv.dict(lang).logTab : k === 'events' ? t.tabEvents : selected ? t.tabNodeN(String(selected)) : t.tabNode;

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    // Arrow keys inside the tab list move between tabs instead of stepping frames.
    e.stopPropagation();
    e.preventDefault();
    const i = TABS.indexOf(tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    document.getElementById(`${idBase}-tab-${next}`)?.focus();
  };

  return (
    <aside className="side-panel" aria-label={t.panel}>
      <div className="tabs" role="tablist" aria-label={t.panel} onKeyDown={onKey}>
        {TABS.map((k) => (
          <button
            key={k}
            id={`${idBase}-tab-${k}`}
            type="button"
            role="tab"
            aria-selected={tab === k}
            aria-controls={`${idBase}-panel`}
            tabIndex={tab === k ? 0 : -1}
            className="tab"
            onClick={() => setTab(k)}
          >
            {label(k)}
          </button>
        ))}
      </div>
      <div className="tab-panel" id={`${idBase}-panel`} role="tabpanel" aria-labelledby={`${idBase}-tab-${tab}`}>
        {tab === 'log' && <pv.LogTab />}
        {tab === 'events' && <EventsTab pv={pv} decisionsOnly={decisionsOnly} onDecisionsOnly={setDecisionsOnly} />}
        {tab === 'node' && <NodeTab pv={pv} />}
      </div>
    </aside>
  );
}
