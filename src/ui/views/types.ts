/**
 * What a protocol's view plugs into the shared scaffolding (stage, side panel, event
 * list). Raft is the first; ZAB and Paxos add a folder and one entry in ./registry.ts.
 */
import type { ComponentType } from 'react';
import type { EventRow } from '../../sim/api';
import type { Violation } from '../../core/protocol';
import type { Dict, Lang } from '../i18n';
import type { StageText } from '../stage/geometry';

export interface NodeInfo {
  id: number;
  /** The role name the page exposes in data-role (leader|follower|...|down). */
  role: string;
  /** The role in the current language. */
  roleLabel: string;
  /** Term or epoch shown under the node. */
  term: number;
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

export interface ProtocolView {
  protocol: string;
  /** `clusterSize`: how many server nodes the view has (a candidate's quorum is drawn from it). */
  nodeInfo(node: unknown, t: Dict, clusterSize?: number): NodeInfo;
  /** Draws one node centred at (0, 0). */
  NodeShape: ComponentType<NodeShapeProps>;
  /** The timer slot drawn as the draining arc for this node, or null for none. */
  arcSlot(node: unknown): number | null;
  /** The first side-panel tab (Raft: the logs). */
  LogTab: ComponentType;
  logTabLabel(t: Dict): string;
  /** Protocol-specific state rows of the selected node's inspector. */
  NodeFields: ComponentType<{ node: unknown }>;
  narrateParts(row: EventRow | null, lang: Lang): Narration;
  narrate(row: EventRow | null, lang: Lang): string;
  /** A safety violation in the given language: the invariant's name and why it broke. */
  narrateViolation(v: Violation, lang: Lang): { invariant: string; reason: string };
  /** Boolean config switches offered in the settings (Raft: preVote, checkQuorum). */
  switches: readonly string[];
  /** Deliberate bugs (config.bugs) offered in the settings. */
  bugs: readonly string[];
  /** Where this implementation simplifies the real system, said in the UI. */
  simplifications(t: Dict): readonly string[];
  /** How a message kind code is drawn, for a message known only from the history. */
  kindGlyph(kind: number): { glyph: string; pre?: boolean };
}
