/**
 * The cluster stage: partition shading, links, timer arcs, messages, nodes and the
 * highlighted cause of the current frame, in one SVG scaled to fit; tools and legend
 * float over it. React owns the DOM; d3 supplies layout, shapes and hulls.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../StoreContext';
import type { ProtocolView } from '../views/types';
import { CauseHighlight } from './CauseHighlight';
import { Caption } from './Caption';
import { CENTER, circleLayout, STAGE_H, STAGE_W } from './geometry';
import { Legend } from './Legend';
import { LinkMenu } from './LinkMenu';
import { Links, linkStates } from './Links';
import { Messages } from './Messages';
import { NodeBar } from './NodeBar';
import { Nodes } from './Nodes';
import { PartitionShading } from './PartitionShading';
import { StageTools } from './StageTools';
import { TimerArcs } from './TimerArcs';

function ClientMark({ label }: { label: string }) {
  return (
    <g className="client-mark" transform={`translate(${CENTER.x},${CENTER.y})`} aria-hidden="true">
      <rect x={-12} y={-12} width={24} height={24} rx={6} />
      <text textAnchor="middle" dominantBaseline="central" className="client-icon">
        ⌨
      </text>
      <text y={22} textAnchor="middle" className="client-label">
        {label}
      </text>
    </g>
  );
}

export function ClusterStage({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const count = useApp((s) => s.view?.nodes.length ?? 0);
  const network = useApp((s) => s.view?.network ?? null);
  const embed = useApp((s) => s.embed);
  const hasClient = useApp((s) => !!s.view && (s.view.ops.length > 0 || s.view.messages.some((m) => m.from > 1000 || m.to > 1000)));
  const ids = useApp(useShallow((s) => (s.view ? s.view.nodes.map((_, i) => i + 1) : [])));
  const layout = useMemo(() => circleLayout(count), [count]);
  const links = useMemo(() => (network ? linkStates(ids, network) : []), [ids, network]);
  const [openLink, setOpenLink] = useState<string | null>(null);
  const link = links.find((l) => `${l.a}-${l.b}` === openLink) ?? null;

  return (
    <section className="stage" aria-label={t.stage}>
      <svg className="stage-svg" viewBox={`0 0 ${STAGE_W} ${STAGE_H}`} preserveAspectRatio="xMidYMid meet">
        {network && <PartitionShading layout={layout} net={network} />}
        <Links layout={layout} links={links} active={openLink} onOpen={setOpenLink} />
        {hasClient && <ClientMark label={t.client} />}
        <TimerArcs layout={layout} pv={pv} />
        <CauseHighlight layout={layout} pv={pv} />
        <Messages layout={layout} />
        <Nodes layout={layout} pv={pv} />
      </svg>
      {!embed && <StageTools count={count} />}
      {embed && <NodeBar />}
      <div className="stage-corner">
        <Legend />
      </div>
      {link && <LinkMenu link={link} onClose={() => setOpenLink(null)} />}
      {/* A band of its own in an embed (see app.css); in the full app the caption floats. */}
      <div className="caption-slot">
        <Caption pv={pv} />
      </div>
    </section>
  );
}
