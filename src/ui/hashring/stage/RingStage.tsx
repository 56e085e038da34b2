/**
 * The hash ring's stage (ProtocolView.Stage): the keys on a canvas, and over it one SVG with
 * the ring (ownership arcs and virtual nodes), the members around it, the router in the
 * centre with the heartbeats arriving and each member's suspicion, and the looked-up key's
 * replicas; the shared caption, legend and message inspector; the ring's tools (Add node,
 * Remove) or, in an embed, the selected node's bar. The worker computes the ring
 * (query('ring')); this only draws it.
 */
import { memo, useMemo, useState } from 'react';
import { HASHRING_DEFAULTS } from '../../../core/hashring/config';
import { useApp } from '../../StoreContext';
import { fmtInt } from '../../i18n';
import { Caption } from '../../stage/Caption';
import { Legend } from '../../stage/Legend';
import { LessonAbout } from '../../stage/LessonAbout';
import { MessageInspector } from '../../stage/MessageInspector';
import { Messages } from '../../stage/Messages';
import { PausedSign } from '../../stage/PausedSign';
import { stageText } from '../../stage/geometry';
import '../../stage/stage.css';
import type { StageProps } from '../../views/types';
import { ringDict } from '../i18n';
import '../hashring.css';
import { KeyCanvas, useBoxSize } from './KeyCanvas';
import { RingAnnouncer } from './RingAnnouncer';
import { arcShapes, RingArcs } from './RingArcs';
import { RingNodes, Spokes } from './RingNodes';
import { RingNodeBar, RingTools } from './RingTools';
import { Router } from './Router';
import { memberLayout, memberShape, ringViewBox, type Detector } from './ringGeometry';
import { SelectedKey } from './SelectedKey';
import { useHubLook, useRingData, useSelectedKey } from './useRingData';

// The stage re-renders at a ring change (twice: the router's new version, then its layout from
// the worker), in the frames where the moved keys start to move; these parts subscribe to the
// store for what they show, and their props do not change then, so they are left out.
const CaptionM = memo(Caption);
const LegendM = memo(Legend);
const LessonAboutM = memo(LessonAbout);
const MessageInspectorM = memo(MessageInspector);
const MessagesM = memo(Messages);
const PausedSignM = memo(PausedSign);
const RingToolsM = memo(RingTools);
const RingNodeBarM = memo(RingNodeBar);

/** The detector as configured (the scenario's config as written; the protocol's defaults otherwise). */
export function detectorOf(config: Record<string, unknown> | undefined): Detector {
  const d = HASHRING_DEFAULTS;
  const num = (k: 'phiThreshold' | 'timeoutMs' | 'minStdDevMs') => (typeof config?.[k] === 'number' ? (config[k] as number) : d[k]);
  const kind = config?.detector === 'phi' || config?.detector === 'timeout' ? config.detector : d.detector;
  return { kind, phiThreshold: num('phiThreshold'), timeoutMs: num('timeoutMs'), minStdDevMs: num('minStdDevMs') };
}

export function RingStage({ pv, captionBelow = false }: StageProps) {
  const lang = useApp((s) => s.lang);
  const embed = useApp((s) => s.embed);
  const large = useApp((s) => s.largeType);
  const config = useApp((s) => s.scenario?.config);
  // Not the hub itself: its object is new at every frame, and would re-render the whole stage (caption, legend, inspector) with it.
  const hub = useHubLook();
  const { layout, hashes } = useRingData();
  const found = useSelectedKey();
  const text = useMemo(() => stageText(embed, large), [embed, large]);
  const labelSize = text.label;
  // The same array until the members change: a new one would repaint the 100,000 keys and re-lay the nodes.
  const members = useMemo(() => hub?.members ?? [], [hub?.members]);
  const shape = useMemo(() => memberShape(embed, large), [embed, large]);
  const nodeLayout = useMemo(() => memberLayout(members, shape.sx), [members, shape]);
  const vb = useMemo(() => ringViewBox(labelSize, shape), [labelSize, shape]);
  const detector = useMemo(() => detectorOf(config), [config]);
  const arcs = useMemo(() => arcShapes(layout), [layout]);
  // The drawing's size in px, for the key canvas's pixel map and the SVG's own size: an SVG
  // sized in % is laid out afresh (every <text> in it re-shaped) at each layout of the page,
  // which a heartbeat's frame causes — ~4 ms of the main thread per frame.
  const [drawEl, setDrawEl] = useState<HTMLDivElement | null>(null);
  const size = useBoxSize(drawEl);
  const svgSize = size.w > 0 && size.h > 0 ? { width: size.w, height: size.h } : undefined;
  const r = ringDict(lang);
  const scheme = layout?.scheme ?? 'ring';
  const vnodes = layout && layout.ring.length > 0 ? Math.round(layout.positions.length / layout.ring.length) : 0;
  const schemeNote =
    scheme === 'jump' || scheme === 'rendezvous'
      ? r.noRing[scheme]
      : scheme === 'bounded'
        ? r.schemeBounded(fmtInt(vnodes, lang), fmtInt(layout?.stats.cap ?? 0, lang))
        : r.schemeRing(fmtInt(vnodes, lang));

  return (
    <section className="stage ring-stage" aria-label={r.stage} data-scheme={scheme}>
      {/* Contained: a heartbeat's repaint of the ring's drawing does not lay out or repaint the page around it (and back). Its size is its flex box's, never its content's. */}
      <div className="ring-draw" style={{ contain: 'strict' }} ref={setDrawEl}>
        <KeyCanvas layout={layout} hashes={hashes} members={members} vb={vb} arcs={arcs} size={size} />
        <svg className="stage-svg ring-svg" style={svgSize} viewBox={`${vb.x} ${vb.y} ${vb.w} ${vb.h}`} preserveAspectRatio="xMidYMid meet">
          {hub && <Spokes layout={nodeLayout} members={hub.ring} />}
          <RingArcs shapes={arcs} labelSize={labelSize} />
          {hub && <Router hub={hub} labelSize={labelSize} />}
          <MessagesM layout={nodeLayout} markSize={text.glyph} pv={pv} />
          {hub && <RingNodes layout={nodeLayout} ring={layout} detector={detector} labelSize={labelSize} nodeR={shape.r} />}
          {found && <SelectedKey found={found} layout={nodeLayout} labelSize={labelSize} nodeR={shape.r} />}
        </svg>
        <p className="ring-note" data-testid="ring-note" data-scheme={scheme}>
          {schemeNote} · {r.version(fmtInt(hub?.version ?? 0, lang))}
        </p>
      </div>
      {!embed && <RingToolsM />}
      {embed && <RingNodeBarM />}
      <PausedSignM />
      <div className="stage-corner">
        <LessonAboutM />
        <LegendM pv={pv} />
      </div>
      <MessageInspectorM pv={pv} />
      {hub && <RingAnnouncer hub={hub} />}
      {!captionBelow && (
        <div className="caption-slot">
          <CaptionM pv={pv} />
        </div>
      )}
    </section>
  );
}
