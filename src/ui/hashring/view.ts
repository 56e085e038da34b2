/**
 * The hash ring's view: its own stage (a ring, not a cluster of nodes and links), and what
 * the shared scaffolding reads (dictionary, node names, glyphs, legend, marks, narration).
 * A ring has no leader and no term: `leads` is always null; a heartbeat's era is its
 * sequence number.
 */
import { HASHRING_BUGS, HashringMsgKind, type HashringNodeView } from '../../core/hashring/types';
import type { ProtocolView } from '../views/types';
import { RING_GLYPHS } from './glyphs';
import { ringDict } from './i18n';
import { narrate, narrateParts, narrateViolation } from './narrate';
import { RingNodeFields } from './panel/RingNodeFields';
import { RingPanel } from './panel/RingPanel';
import { RingStage } from './stage/RingStage';

const KIND_GLYPH: Record<number, string> = Object.fromEntries(Object.entries(HashringMsgKind).map(([glyph, code]) => [code, glyph]));

export const ringView: ProtocolView = {
  protocol: 'hashring',
  dict: ringDict,
  // The node alone (without the router's view): member while its process runs, down once it crashed.
  // The stage names it from the router's view (member, suspect, down) and its keys.
  nodeInfo(node, _t, lang) {
    const n = node as HashringNodeView;
    const r = ringDict(lang);
    const role = n.alive ? 'member' : 'down';
    return {
      id: n.id,
      role,
      roleLabel: r.roles[role],
      era: 0,
      eraLabel: '',
      alive: n.alive,
      leader: false,
      name: r.nodeName(String(n.id), r.roles[role]),
      votes: null,
      data: { heartbeats: n.heartbeats, state: n.state },
    };
  },
  leads: () => null,
  NodeShape: () => null,
  arcs: () => [],
  LogTab: RingPanel,
  NodeFields: RingNodeFields,
  narrateParts,
  narrate,
  narrateViolation,
  switches: [],
  bugs: HASHRING_BUGS,
  glyphs: RING_GLYPHS,
  legend: {
    messages: [
      { look: { glyph: 'heartbeat' }, label: 'heartbeat' },
      { look: { glyph: 'client-request' }, label: 'client-request' },
      { look: { glyph: 'client-reply', verdict: false }, label: 'client-reply' },
    ],
    dropped: { glyph: 'heartbeat' },
    arcs: ['suspicion', 'vnode', 'arc', 'key'],
  },
  kindGlyph: (kind) => KIND_GLYPH[kind] ?? 'other',
  marks: {
    'declared-down': { symbol: '✕', row: 0, rank: 'high' },
    rejoined: { symbol: '↻', row: 0, rank: 'low' },
  },
  Stage: RingStage,
  // Remove is the inspector's own (RingNodeFields offers it with the ring's words), so the
  // shared inspector adds no action of its own; a ring's node talks only to the router.
  nodeTab: { actions: [], links: 'hub' },
  hubName: (lang) => ringDict(lang).hubName,
  eras: false,
};
