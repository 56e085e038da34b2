/** The side panel: Log | Events | Node tabs (ARIA tabs, arrow keys move between them). */
import { useState, type KeyboardEvent } from 'react';
import { useApp, useT } from '../StoreContext';
import type { PanelTab } from '../../store/types';
import type { ProtocolView } from '../views/types';
import { EventsTab } from './EventsTab';
import { NodeTab } from './NodeTab';

const TABS: PanelTab[] = ['log', 'events', 'node'];
/** The panel's tabs: the store's three, with a service's own (ProtocolView.services) after the first. */
type Tab = PanelTab | `svc:${string}`;

export function SidePanel({ pv, idBase }: { pv: ProtocolView; idBase: string }) {
  const t = useT();
  const tab = useApp((s) => s.tab);
  const setTab = useApp((s) => s.setTab);
  const selected = useApp((s) => s.selected);
  const lang = useApp((s) => s.lang);
  // The event list shows decisions only until the user asks for every event. Not stored
  // (no localStorage, no URL): what a link opens never depends on an earlier visit.
  const [decisionsOnly, setDecisionsOnly] = useState(true);
  // A service's tab is local to the panel (the store knows its three); it holds while the store's tab and selection stay as they were when it was chosen.
  const service = useApp((s) => s.view?.service?.name ?? null);
  const svcTabs = (service !== null && pv.services?.[service]?.tabs) || [];
  const [svcTab, setSvcTab] = useState<{ id: string; over: PanelTab; sel: number } | null>(null);
  const svcActive = svcTab && svcTab.over === tab && svcTab.sel === selected && svcTabs.some((x) => x.id === svcTab.id) ? svcTab.id : null;
  const tabs: Tab[] = [TABS[0], ...svcTabs.map((x) => `svc:${x.id}` as const), ...TABS.slice(1)];
  const active: Tab = svcActive ? `svc:${svcActive}` : tab;
  const choose = (k: Tab) => (k.startsWith('svc:') ? setSvcTab({ id: k.slice(4), over: tab, sel: selected }) : (setSvcTab(null), setTab(k as PanelTab)));
  const label = (k: Tab) =>
    k.startsWith('svc:') ? (svcTabs.find((x) => `svc:${x.id}` === k)?.label(lang) ?? k) : k === 'log' ? pv.dict(lang).logTab : k === 'events' ? t.tabEvents : selected ? t.tabNodeN(String(selected)) : t.tabNode;
  const SvcPanel = svcActive ? svcTabs.find((x) => x.id === svcActive)?.Panel : undefined;

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    // Arrow keys inside the tab list move between tabs instead of stepping frames.
    e.stopPropagation();
    e.preventDefault();
    const i = tabs.indexOf(active);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    choose(next);
    document.getElementById(`${idBase}-tab-${next.replace(':', '-')}`)?.focus();
  };

  return (
    <aside className="side-panel" aria-label={t.panel}>
      <div className="tabs" role="tablist" aria-label={t.panel} onKeyDown={onKey}>
        {tabs.map((k) => (
          <button
            key={k}
            id={`${idBase}-tab-${k.replace(':', '-')}`}
            type="button"
            role="tab"
            aria-selected={active === k}
            aria-controls={`${idBase}-panel`}
            tabIndex={active === k ? 0 : -1}
            className="tab"
            onClick={() => choose(k)}
          >
            {label(k)}
          </button>
        ))}
      </div>
      <div className="tab-panel" id={`${idBase}-panel`} role="tabpanel" aria-labelledby={`${idBase}-tab-${active.replace(':', '-')}`}>
        {SvcPanel && <SvcPanel />}
        {!SvcPanel && tab === 'log' && <pv.LogTab />}
        {!SvcPanel && tab === 'events' && <EventsTab pv={pv} decisionsOnly={decisionsOnly} onDecisionsOnly={setDecisionsOnly} />}
        {!SvcPanel && tab === 'node' && <NodeTab pv={pv} />}
      </div>
    </aside>
  );
}
