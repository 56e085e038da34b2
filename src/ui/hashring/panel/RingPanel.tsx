/**
 * The hash ring's first side-panel tab (the view's LogTab), made to be read at a glance: the
 * load per node with CV and max/mean on top, what each ring change moved against the ideal
 * under it, then the controls, a key lookup, CV against virtual nodes, the four schemes side
 * by side, and where this model simplifies the real systems.
 *
 * Everything shown comes from the worker (query 'ring', 'changes', 'cvCurve', 'compare',
 * 'lookup'), asked again only when the ring's version or the scenario changes (ringQuery.ts),
 * never per frame. In an embed (a slide) only the load histogram shows.
 */
import { memo, useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ChangeStat, CvCurve, HashringHubView, RingLayout, SchemeComparison } from '../../../core/hashring/types';
import { useApp } from '../../StoreContext';
import { CvChart } from './CvChart';
import { KeyLookupBox } from './KeyLookupBox';
import { LoadHistogram } from './LoadHistogram';
import { MovesChart } from './MovesChart';
import { RingControls } from './RingControls';
import { SchemeTable } from './SchemeTable';
import { ringPanelDict } from './i18n';
import { nextFreeId, ringSettings } from './model';
import { useRingQuery } from './ringQuery';
import './panel.css';

// Each part re-renders only when its own data changes: at a ring change four answers arrive
// one by one (ring, changes, cvCurve, compare), and each would otherwise re-render them all.
const Histogram = memo(LoadHistogram);
const Moves = memo(MovesChart);
const Controls = memo(RingControls);
const Lookup = memo(KeyLookupBox);
const Cv = memo(CvChart);
const Schemes = memo(SchemeTable);

/**
 * Set a config field from a number field; the reload briefly has no frame and the app unmounts
 * the side panel, so focus would drop to <body> (and the focus guard hand it to the app's
 * root): give it back to the same field in the same app (an embed or a second app on the page
 * has its own), unless the user has moved it elsewhere meanwhile.
 */
export async function setAndRefocus(set: (key: string, value: unknown) => Promise<void>, key: string, value: unknown, from: HTMLElement | null): Promise<void> {
  const root = from?.closest('.qs-app') ?? null;
  await set(key, value);
  if (!root || !from || from.isConnected) return;
  // Still nowhere, or on the app's root where its focus guard put it: back to the field.
  const a = document.activeElement;
  if (a && a !== document.body && a !== root) return;
  root.querySelector<HTMLElement>(`.ring-panel [data-control="${key}"] input`)?.focus();
}

export function RingPanel() {
  const lang = useApp((s) => s.lang);
  const embed = useApp((s) => s.embed);
  const hasView = useApp((s) => s.view !== null);
  // A new-but-equal array arrives with every frame: compare by content, so playing does not re-render the panel.
  const members = useApp(useShallow((s) => s.view?.members ?? null));
  const hubRing = useApp((s) => (s.view?.hub as HashringHubView | null | undefined)?.ring.length ?? 0);
  const stopped = useApp((s) => !!s.view?.violation);
  const selected = useApp((s) => s.selected);
  const scenario = useApp((s) => s.scenario);
  const setConfigOption = useApp((s) => s.setConfigOption);
  const act = useApp((s) => s.act);
  const d = ringPanelDict(lang);

  // Asked once the keys have landed (keyMotion.ts): not in the move's frames.
  const ring = useRingQuery<RingLayout>('ring', undefined, true, true);
  const changes = useRingQuery<ChangeStat[]>('changes', undefined, !embed, true);
  const curve = useRingQuery<CvCurve>('cvCurve', undefined, !embed, true);
  const compare = useRingQuery<SchemeComparison[]>('compare', undefined, !embed, true);

  const layout = ring.data;
  const settings = useMemo(() => ringSettings(scenario?.config, layout), [scenario?.config, layout]);
  const onSet = useCallback((key: string, value: unknown, from: HTMLElement | null) => void setAndRefocus(setConfigOption, key, value, from), [setConfigOption]);
  const onAdd = useCallback((node: number) => void act({ do: 'add', node }), [act]);

  if (!hasView) return null;
  const addId = nextFreeId(members, scenario?.nodes ?? 0);
  const stats = ring.data?.stats ?? null;

  const histogram =
    stats && stats.perNode.length > 0 ? (
      <Histogram stats={stats} lang={lang} selected={selected} />
    ) : (
      <p className="note">{ring.loading || !ring.data ? d.loading : d.noRing}</p>
    );

  if (embed) return <div className="ring-panel embed">{histogram}</div>;

  return (
    <div className="ring-panel" aria-busy={ring.loading || changes.loading || curve.loading || compare.loading} data-ring-version={ring.data?.version ?? -1} data-ring-nodes={hubRing}>
      {histogram}
      {changes.data && <Moves changes={changes.data} lang={lang} />}
      <Controls settings={settings} lang={lang} disabled={stopped} addId={addId} onSet={onSet} onAdd={onAdd} />
      <Lookup scheme={ring.data?.scheme ?? settings.scheme} />
      {curve.data && curve.data.vnodes.length > 0 && <Cv curve={curve.data} vnodes={settings.vnodes} lang={lang} />}
      {compare.data && compare.data.length > 0 && <Schemes rows={compare.data} current={ring.data?.scheme ?? settings.scheme} lang={lang} />}
      <details className="model-notes ring-simplifications" open>
        <summary>{d.simplificationsTitle}</summary>
        <ul>
          {d.simplifications.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
