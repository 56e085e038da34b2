/**
 * The selected ring node's inspector rows (the view's NodeFields, in the shared layout of
 * src/ui/panel/NodeFieldList.tsx): its membership and life, whether it is in the ring, the keys
 * it holds as primary and at each replica rank, the heartbeats it sent, and the router's view
 * of it — the last heartbeat, the intervals' mean and spread, how long until the detector
 * declares it down, whether it has. `Remove` (an operator decommissioning it for good) sits
 * here: the shared node tab offers Crash / Restart, which every protocol has, but not this.
 */
import type { UserAction } from '../../../sim/api';
import type { HashringHubView, HashringNodeView, RingLayout, SuspicionView } from '../../../core/hashring/types';
import { useApp } from '../../StoreContext';
import { fmtInt, fmtTime, nodeRef, type Lang } from '../../i18n';
import { NodeFieldList } from '../../panel/NodeFieldList';
import { useProtocolView } from '../../views/context';
import { ringPanelDict } from './i18n';
import { fmtDec, keysByRank, ringSettings } from './model';
import type { RingSettings } from './RingControls';
import { phi } from '../../../core/hashring/detector';
import { HASHRING_DEFAULTS } from '../../../core/hashring/config';

export type Membership = HashringNodeView['state'];
const MEMBERSHIP: readonly Membership[] = ['absent', 'member', 'removed'];

/**
 * A node's membership by the simulator's word (FrameView.members: 0 absent, 1 member, 2
 * removed); the node's own view cannot know it was removed, so it is only the fallback.
 */
export function membershipOf(members: readonly number[] | null | undefined, n: HashringNodeView): Membership {
  const m = members?.[n.id - 1];
  return m === undefined ? n.state : (MEMBERSHIP[m] ?? n.state);
}

/** What the inspector needs of the detector's config. */
export interface DetectorSettings {
  detector: RingSettings['detector'];
  phiThreshold: number;
  minStdDevMs: number;
}

export function detectorSettings(config: Record<string, unknown> | undefined, settings: RingSettings): DetectorSettings {
  const m = config?.minStdDevMs;
  return { detector: settings.detector, phiThreshold: settings.phiThreshold, minStdDevMs: typeof m === 'number' ? m : HASHRING_DEFAULTS.minStdDevMs };
}
import { useRingQuery } from './ringQuery';

/** The rows, from the node, the router's record of it, the ring and the settings (exported for the tests). */
export function nodeRows(
  n: HashringNodeView,
  state: Membership,
  sus: SuspicionView | null,
  inRing: boolean,
  ranks: readonly number[] | null,
  now: number,
  detector: DetectorSettings,
  lang: Lang,
): [string, string][] {
  const d = ringPanelDict(lang);
  const ms = (v: number) => fmtInt(Math.round(v), lang);
  const rows: [string, string][] = [
    [d.fieldState, d.stateValue(d.states[state], n.alive ? d.alive : d.crashed)],
    [d.fieldInRing, inRing ? d.inRing : d.outOfRing],
  ];
  if (ranks) {
    ranks.forEach((count, r) => rows.push([r === 0 ? d.fieldPrimary : d.fieldRank(String(r + 1)), fmtInt(count, lang)]));
  }
  rows.push([d.fieldHeartbeats, fmtInt(n.heartbeats, lang)]);
  if (!sus) {
    if (state === 'member') rows.push([d.fieldDeclared, d.notWatched]);
    return rows;
  }
  rows.push([d.fieldLastHeartbeat, sus.lastHeartbeatAt < 0 ? d.noHeartbeat : d.lastHeartbeatValue(fmtTime(sus.lastHeartbeatAt, lang), `${ms(now - sus.lastHeartbeatAt)} ms`)]);
  rows.push([d.fieldInterval, d.intervalValue(ms(sus.meanIntervalMs), ms(sus.stdDevMs), fmtInt(sus.samples, lang))]);
  if (detector.detector === 'phi' && !sus.declaredDown && sus.lastHeartbeatAt >= 0 && sus.samples > 0) {
    // φ at this frame's time, by the router's own function over the window it reports.
    const p = phi(now - sus.lastHeartbeatAt, sus.meanIntervalMs, Math.max(sus.stdDevMs, detector.minStdDevMs));
    rows.push([d.fieldPhi, d.phiValue(Number.isFinite(p) ? fmtDec(Math.max(0, p), 2, lang) : '∞', fmtDec(detector.phiThreshold, detector.phiThreshold % 1 === 0 ? 0 : 2, lang))]);
  }
  if (!sus.declaredDown && Number.isFinite(sus.deadlineAt)) {
    rows.push([d.fieldTimeLeft, d.timeLeftValue(ms(Math.max(0, sus.deadlineAt - now)))]);
  }
  rows.push([d.fieldDeclared, sus.declaredDown ? d.declaredYes : d.declaredNo]);
  return rows;
}

/**
 * Remove a node; its Remove button goes with it (a removed node has none), so focus moves to
 * the inspector's Crash / Restart button rather than dropping to <body>.
 */
async function removeKeepingFocus(act: (a: UserAction) => Promise<void>, id: number, from: HTMLElement): Promise<void> {
  const panel = from.closest('.side-panel');
  const root = from.closest('.qs-app');
  await act({ do: 'remove', node: id });
  const a = document.activeElement;
  if (from.isConnected || (a && a !== document.body && a !== root)) return;
  panel?.querySelector<HTMLElement>('[data-life]')?.focus();
}

export function RingNodeFields({ node }: { node: unknown }) {
  const lang = useApp((s) => s.lang);
  const now = useApp((s) => s.view?.time ?? 0);
  const hub = useApp((s) => (s.view?.hub ?? null) as HashringHubView | null);
  const config = useApp((s) => s.scenario?.config);
  const stopped = useApp((s) => !!s.view?.violation);
  const act = useApp((s) => s.act);
  const members = useApp((s) => s.view?.members);
  const pv = useProtocolView();
  const layout = useRingQuery<RingLayout>('ring');
  const n = node as HashringNodeView;
  const d = ringPanelDict(lang);
  const sus = hub?.suspicion.find((x) => x.id === n.id) ?? null;
  const inRing = hub?.ring.includes(n.id) ?? false;
  const ranks = layout.data ? keysByRank(layout.data, n.id) : null;
  const state = membershipOf(members, n);
  const rows = nodeRows(n, state, sus, inRing, ranks, now, detectorSettings(config, ringSettings(config, layout.data)), lang);
  return (
    <>
      {state === 'member' && (
        <div className="btn-row">
          <button type="button" className="btn danger" title={d.removeHelp(nodeRef(n.id))} disabled={stopped} onClick={(e) => void removeKeepingFocus(act, n.id, e.currentTarget)}>
            <span aria-hidden="true">⊖</span> {d.remove}
          </button>
        </div>
      )}
      <NodeFieldList nodeId={n.id} rows={rows} note={d.nodeNote} glyphs={pv?.glyphs ?? {}} />
    </>
  );
}
