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
import { CENTER, circleLayout, fitViewBox, FULL_MIN_VIEW, largeSpread, stageText } from './geometry';
import { LessonAbout } from './LessonAbout';
import { MessageInspector } from './MessageInspector';
import { PausedSign } from './PausedSign';
import './stage.css';
import { Legend } from './Legend';
import { LinkMenu } from './LinkMenu';
import { Links, linkStates } from './Links';
import { Messages } from './Messages';
import { NodeBar } from './NodeBar';
import { Nodes } from './Nodes';
import { PartitionShading } from './PartitionShading';
import { StageTools } from './StageTools';
import { TimerArcs } from './TimerArcs';

/** The client in the middle of the ring; its label is sized with the stage's other labels (stageText). */
function ClientMark({ label, size }: { label: string; size: number }) {
  return (
    <g className="client-mark" transform={`translate(${CENTER.x},${CENTER.y})`} aria-hidden="true">
      <rect x={-12} y={-12} width={24} height={24} rx={6} />
      <text textAnchor="middle" dominantBaseline="central" className="client-icon">
        ⌨
      </text>
      <text y={14 + size * 0.5} textAnchor="middle" dominantBaseline="central" className="client-label" style={{ fontSize: size }}>
        {label}
      </text>
    </g>
  );
}

/** `captionBelow`: the caption is drawn by the caller (an embed with a state view spans it under both). */
export function ClusterStage({ pv, captionBelow = false }: { pv: ProtocolView; captionBelow?: boolean }) {
  const t = useT();
  const count = useApp((s) => s.view?.nodes.length ?? 0);
  const network = useApp((s) => s.view?.network ?? null);
  const embed = useApp((s) => s.embed);
  const large = useApp((s) => s.largeType);
  const text = useMemo(() => stageText(embed, large), [embed, large]);
  const hasClient = useApp((s) => !!s.view && (s.view.ops.length > 0 || s.view.messages.some((m) => m.from > 1000 || m.to > 1000)));
  const ids = useApp(useShallow((s) => (s.view ? s.view.nodes.map((_, i) => i + 1) : [])));
  const layout = useMemo(() => circleLayout(count, large ? largeSpread(embed, !captionBelow) : 1), [count, large, embed, captionBelow]);
  // The drawing's own extent (nodes and the labels under them), so it fills the box it gets.
  const vb = useMemo(() => fitViewBox(layout, text, embed ? undefined : FULL_MIN_VIEW), [layout, text, embed]);
  const links = useMemo(() => (network ? linkStates(ids, network) : []), [ids, network]);
  // A service's layer (ZooKeeper's clients and lock queues): actors placed beside the ring, the drawing grown to hold them.
  const svc = useApp((s) => (s.view?.service ? (pv.services?.[s.view.service.name] ?? null) : null));
  const svcKey = useApp((s) => (svc && s.view?.service ? svc.layoutKey(s.view.service, s.scenario) : ''));
  const svcLayout = useMemo(() => (svc ? svc.stageLayout(layout, svcKey, text, vb, { embed, wide: !captionBelow }) : null), [svc, svcKey, layout, text, vb, embed, captionBelow]);
  const box = svcLayout?.viewBox ?? vb;
  const [openLink, setOpenLink] = useState<string | null>(null);
  const link = links.find((l) => `${l.a}-${l.b}` === openLink) ?? null;

  return (
    <section className="stage" aria-label={t.stage}>
      <svg className="stage-svg" viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} preserveAspectRatio="xMidYMid meet">
        {network && <PartitionShading layout={layout} net={network} />}
        <Links layout={layout} links={links} active={openLink} onOpen={setOpenLink} />
        {hasClient && !svc && <ClientMark label={t.client} size={text.client} />}
        {svc && svcLayout && <svc.StageLayer layout={svcLayout} text={text} />}
        <TimerArcs layout={layout} pv={pv} />
        <CauseHighlight layout={layout} pv={pv} actors={svcLayout?.actors} />
        <Messages layout={layout} markSize={text.glyph} pv={pv} actors={svcLayout?.actors} />
        <Nodes layout={layout} pv={pv} text={text} />
      </svg>
      {!embed && <StageTools count={count} />}
      {embed && <NodeBar />}
      <PausedSign />
      <div className="stage-corner">
        <LessonAbout />
        <Legend pv={pv} />
      </div>
      <MessageInspector pv={pv} />
      {link && <LinkMenu link={link} onClose={() => setOpenLink(null)} />}
      {/* A band of its own in an embed (see app.css); in the full app the caption floats. */}
      {!captionBelow && (
        <div className="caption-slot">
          <Caption pv={pv} />
        </div>
      )}
    </section>
  );
}
