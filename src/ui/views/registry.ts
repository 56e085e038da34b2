/**
 * Protocol views by protocol name. A new protocol adds its folder under src/ui and one
 * line in VIEWS. There is no fallback: a protocol without a view is a problem the app
 * shows in its banner ("no view for protocol zab"), not Raft's drawing of someone else's nodes.
 */
import { raftView } from '../raft/view';
import { zabView } from '../zab/view';
import { ringView } from '../hashring/view';
import type { Problem } from '../../store/types';
import type { ProtocolView } from './types';

const VIEWS: Readonly<Record<string, ProtocolView>> = {
  raft: raftView,
  zab: zabView,
  hashring: ringView,
};

export type ViewLookup = { ok: true; view: ProtocolView } | { ok: false; problem: Problem };

/** The view of `protocol`, or the problem to show when there is none. Never throws. */
export function viewFor(protocol: string): ViewLookup {
  const view = Object.prototype.hasOwnProperty.call(VIEWS, protocol) ? VIEWS[protocol] : undefined;
  return view ? { ok: true, view } : { ok: false, problem: { code: 'noView', detail: protocol } };
}

/** Every registered view (the dictionary completeness test walks them). */
export function allViews(): readonly ProtocolView[] {
  return Object.values(VIEWS);
}

/** For the store (AppOptions.leads): the era a node leads, asked of its protocol's view; null without one. */
export function viewLeads(protocol: string, node: unknown): number | null {
  const r = viewFor(protocol);
  return r.ok ? r.view.leads(node) : null;
}
