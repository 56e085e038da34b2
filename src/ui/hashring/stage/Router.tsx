/** The router in the centre of the ring (the protocol's hub): it hears every heartbeat, runs the failure detector and owns the ring. */
import type { HashringHubView } from '../../../core/hashring/types';
import { fmtInt } from '../../i18n';
import { useApp } from '../../StoreContext';
import { ringDict } from '../i18n';
import { RING_C, ROUTER_R } from './ringGeometry';

export function Router({ hub, labelSize }: { hub: Pick<HashringHubView, 'version'> & { ring: readonly number[]; members: readonly number[] }; labelSize: number }) {
  const lang = useApp((s) => s.lang);
  const r = ringDict(lang);
  return (
    <g className="ring-router" transform={`translate(${RING_C.x},${RING_C.y})`} data-testid="router" data-version={hub.version} data-ring={hub.ring.join(',')}>
      <title>{r.routerName(fmtInt(hub.ring.length, lang), fmtInt(hub.members.length, lang))}</title>
      <circle r={ROUTER_R} className="router-disc" />
      <text className="router-label" y={-labelSize * 0.45} textAnchor="middle" dominantBaseline="central" style={{ fontSize: labelSize * 0.9 }}>
        {r.router}
      </text>
      <text className="router-version" y={labelSize * 0.6} textAnchor="middle" dominantBaseline="central" style={{ fontSize: labelSize * 0.85 }}>
        {`${hub.ring.length}/${hub.members.length}`}
      </text>
    </g>
  );
}
