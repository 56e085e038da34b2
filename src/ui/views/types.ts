/**
 * What a protocol's view plugs into the shared scaffolding (stage, side panel, event
 * list, timeline, legend, live region). Raft is the first; another protocol adds a folder
 * under src/ui (its view, its dictionary) and one line in ./registry.ts.
 */
import type { ComponentType } from 'react';
import type { EventRow, FrameView, ServiceFrameView } from '../../sim/api';
import type { Scenario } from '../../sim/scenario';
import type { Violation } from '../../core/protocol';
import type { Dict, Lang } from '../i18n';
import type { Point, StageText } from '../stage/geometry';
import type { GlyphLook, GlyphSpec } from '../stage/glyphs';

export interface NodeInfo {
  id: number;
  /** The role name the page exposes in data-role (leader|follower|...|down). */
  role: string;
  /** The role in the current language. */
  roleLabel: string;
  /** The protocol's generation shown under the node (Raft: term; ZAB: epoch). */
  era: number;
  /** The era in words, as drawn under the node: "term 4", "epoch 2". */
  eraLabel: string;
  alive: boolean;
  leader: boolean;
  /** Accessible name: "Node 3, leader, term 4" (a candidate adds its votes); it contains every word drawn on the node, in order. */
  name: string;
  /** A campaigning node's tally as drawn under it ("2/3 votes"), else null. */
  votes?: string | null;
  /** Extra state exposed as data-* attributes for tests and tools (Raft: term, commit). */
  data?: Record<string, number | string>;
}

export interface Narration {
  headline: string;
  details: string[];
}

export interface NodeShapeProps {
  node: unknown;
  info: NodeInfo;
  /** Node radius in stage units. */
  r: number;
  /** Label sizes in stage units (larger in an embed and in large type). */
  text: StageText;
  t: Dict;
}

/** A timer drawn as a draining arc around a node; `kind` names what it is (the view's dictionary says it in words). */
export interface ArcSpec {
  slot: number;
  kind: string;
}

/** How a timeline mark of one of the protocol's `markKinds` is drawn. */
export interface MarkSpec {
  /** The symbol drawn (★, ●, ...): never colour alone. */
  symbol: string;
  /** 0: the top row (elections, faults); 2: the bottom row (commits, requests). */
  row: 0 | 2;
  /** Among merged marks, which shows: 'high' ranks with elections, 'low' with commits. */
  rank: 'high' | 'low';
  /** Coloured by the era in the mark's value (Raft's leader mark: the term's colour). */
  eraColour?: boolean;
}

/**
 * The strings every protocol's dictionary has (the shared components read these); a
 * protocol's own components read the rest of its dictionary directly.
 */
export interface ProtocolDict {
  /** data-role values (including 'down') in words. */
  roles: Record<string, string>;
  /** The era as drawn under a node and in names: "term 4", "epoch 2". */
  eraShort: (era: string) => string;
  /** The live region on a new leader: "n3 is now the leader of term 4". */
  leaderAnnounce: (node: string, era: string) => string;
  noLeaderAnnounce: string;
  /** Legend entries (ProtocolView.legend's `label` keys), the leader mark and each arc kind. */
  legend: Record<string, string>;
  /** Timeline titles of the protocol's marks: (node, value). */
  markTitles: Record<string, (node: string, value: string) => string>;
  /** The settings' switches and deliberate bugs, by config name. */
  switches: Record<string, { name: string; help: string }>;
  bugHelp: Record<string, string>;
  /** Where this implementation simplifies the real system. */
  simplifications: readonly string[];
  /** The first side-panel tab's name (Raft: "Log"). */
  logTab: string;
}

export interface ProtocolView {
  protocol: string;
  /** This protocol's strings in `lang` (both languages complete: tests/unit/ui/i18n.test.ts). */
  dict(lang: Lang): ProtocolDict;
  /** `clusterSize`: how many server nodes the view has (a candidate's quorum is drawn from it). */
  nodeInfo(node: unknown, t: Dict, lang: Lang, clusterSize?: number): NodeInfo;
  /** The era this node leads (Raft: its term when leader; ZAB: its epoch when leading), or null: what the store announces. */
  leads(node: unknown): number | null;
  /** Draws one node centred at (0, 0). */
  NodeShape: ComponentType<NodeShapeProps>;
  /** The timers drawn as draining arcs around this node (innermost first); empty for none. */
  arcs(node: unknown): readonly ArcSpec[];
  /** The first side-panel tab (Raft: the logs). */
  LogTab: ComponentType;
  /** Protocol-specific state rows of the selected node's inspector. */
  NodeFields: ComponentType<{ node: unknown }>;
  /** `frame`: the frame shown, for what a row's notes cannot carry (a service's op records); a protocol may ignore it. */
  narrateParts(row: EventRow | null, lang: Lang, frame?: FrameView | null): Narration;
  narrate(row: EventRow | null, lang: Lang, frame?: FrameView | null): string;
  /** A safety violation in the given language: the invariant's name and why it broke. */
  narrateViolation(v: Violation, lang: Lang): { invariant: string; reason: string };
  /** Boolean config switches offered in the settings (Raft: preVote, checkQuorum). */
  switches: readonly string[];
  /** Deliberate bugs (config.bugs) offered in the settings. */
  bugs: readonly string[];
  /** How each message kind (MessageLook.glyph) is drawn; a kind missing here is drawn as `other`. */
  glyphs: Readonly<Record<string, GlyphSpec>>;
  /**
   * The legend: its message entries in order (a sample look and the dictionary's `legend`
   * key), the sample drawn faded for "will be lost", and the arc kinds drawn (each named by
   * the dictionary's `legend` entry of that kind). The leader's entry is `legend.leader`.
   */
  legend: {
    messages: readonly { look: GlyphLook; label: string }[];
    dropped: GlyphLook;
    arcs: readonly string[];
  };
  /** The message kind (a key of `glyphs`) of a kind code, for a message known only from the history. */
  kindGlyph(kind: number): string;
  /** How each of the protocol's timeline mark kinds (ProtocolDef.markKinds) is drawn. */
  marks: Readonly<Record<string, MarkSpec>>;
  /**
   * The protocol's own stage, replacing the shared cluster stage (the hash ring draws a ring,
   * not a cluster of nodes and links). It gets what ClusterStage gets and should keep its
   * contracts: data-node / data-role / data-alive on each node, the caption, the stage tools.
   */
  Stage?: ComponentType<StageProps>;
  /**
   * What the selected node's inspector offers besides Crash / Restart (default: time out,
   * request, isolate) and whose links it lists: the other nodes (default) or only the hub's
   * (the hash ring's nodes talk only to the router). `remove` needs a membership protocol.
   */
  nodeTab?: { actions: readonly NodeAction[]; links: 'nodes' | 'hub' };
  /** False when the protocol has no generations (the hash ring has no term or epoch): message names then carry none. */
  eras?: boolean;
  /** The hub's name in the language (ProtocolDef.hub: "router"), for link rows and narration. */
  hubName?: (lang: Lang) => string;
  /**
   * Coordination services this protocol hosts (FrameView.service.name → its view layer):
   * drawn on top of the protocol's own view, never instead of it (ZooKeeper on ZAB).
   */
  services?: Readonly<Record<string, ServiceView>>;
}

/** Where a service's layer puts things on the cluster stage. */
export interface ServiceStageLayout {
  /** Every actor's position: the nodes as the stage laid them out, plus the service's clients (ids CLIENT_ID_BASE + c − 1). */
  actors: Map<number, Point>;
  /** The drawing's extent with the service's layer (a viewBox, in stage units). */
  viewBox: { x: number; y: number; w: number; h: number };
}

/** A side-panel tab a service adds after the protocol's own first tab. */
export interface ServiceTab {
  id: string;
  label: (lang: Lang) => string;
  Panel: ComponentType;
}

/**
 * A coordination service's view layer (DESIGN.md "The coordination layer"): its clients
 * and recipes on the stage, its state in extra side-panel tabs. Additive: the protocol's
 * stage, panel and narration stay as they are.
 */
export interface ServiceView {
  service: string;
  /** What the layout depends on in a frame (client count, lock paths...) and in the run's scenario (what its script will do): the stage re-lays out only when it changes. */
  layoutKey(service: ServiceFrameView, scenario?: Scenario | null): string;
  /** The layout for a key, around the nodes' own layout and its viewBox; `fit` says how the stage is shown (an embed, alone in its box or not: as largeSpread). */
  stageLayout(nodes: Map<number, Point>, key: string, text: StageText, nodesBox: ServiceStageLayout['viewBox'], fit?: { embed: boolean; wide: boolean }): ServiceStageLayout;
  /** Drawn inside the stage's SVG, over the links and under the messages and nodes. */
  StageLayer: ComponentType<{ layout: ServiceStageLayout; text: StageText }>;
  tabs: readonly ServiceTab[];
  /** The service's strings (both languages complete: tests/unit/ui/i18n.test.ts walks protocol dicts; the service's own test walks this). */
  dict(lang: Lang): object;
}

export type NodeAction = 'timeout' | 'request' | 'isolate' | 'remove';

export interface StageProps {
  pv: ProtocolView;
  /** The caption goes below the stage (an embed showing the protocol's state view beside it). */
  captionBelow?: boolean;
}
