/**
 * Stand-ins for the side panel's Ring tab and the node inspector's fields until the panel's
 * own (src/ui/hashring/panel: RingPanel, RingNodeFields) land: the load per node and the
 * node's slot, from what the worker sent.
 */
import type { HashringHubView, HashringNodeView } from '../../core/hashring/types';
import { fmtInt, nodeRef } from '../i18n';
import { NodeFieldList } from '../panel/NodeFieldList';
import { useApp, useT } from '../StoreContext';
import { RING_GLYPHS } from './glyphs';
import { ringDict } from './i18n';

export function RingPanelPlaceholder() {
  const lang = useApp((s) => s.lang);
  const hub = useApp((s) => s.view?.hub as HashringHubView | null | undefined);
  const r = ringDict(lang);
  if (!hub) return null;
  return (
    <p className="note">
      {r.version(fmtInt(hub.version, lang))} · {hub.ring.map(nodeRef).join(', ')}
    </p>
  );
}

export function RingNodeFieldsPlaceholder({ node }: { node: unknown }) {
  const t = useT();
  const n = node as HashringNodeView;
  const lang = useApp((s) => s.lang);
  const r = ringDict(lang);
  const rows: [string, string][] = [
    [r.fieldAlive, n.alive ? t.alive : t.down],
    [r.fieldHeartbeats, fmtInt(n.heartbeats, lang)],
  ];
  return <NodeFieldList nodeId={n.id} rows={rows} note={r.fieldNote} glyphs={RING_GLYPHS} />;
}
