/** ZAB's view: how the shared scaffolding draws, names and narrates ZooKeeper servers. */
import { ZAB_BUGS, ZAB_TIMERS, ZabMsgKind, zxidHex, type ZabGlyph, type ZabNodeView } from '../../core/zab/types';
import type { ArcSpec, ProtocolView } from '../views/types';
import { ZAB_GLYPH_TABLE } from './glyphs';
import { zabDict } from './i18n';
import { narrate, narrateParts, narrateViolation } from './narrate';
import { ZabLog } from './ZabLog';
import { ZabNodeFields } from './ZabNodeFields';
import { ZabNodeShape } from './ZabNodeShape';
import { zkServiceView } from '../coord/zookeeper/view';

/** Message kind code → glyph name (the history keeps only the code). */
export const GLYPH_OF_KIND: ReadonlyMap<number, ZabGlyph> = new Map<number, ZabGlyph>([
  [ZabMsgKind.Notification, 'notification'],
  [ZabMsgKind.FollowerInfo, 'followerinfo'],
  [ZabMsgKind.LeaderInfo, 'leaderinfo'],
  [ZabMsgKind.AckEpoch, 'ackepoch'],
  [ZabMsgKind.Diff, 'diff'],
  [ZabMsgKind.Trunc, 'trunc'],
  [ZabMsgKind.Snap, 'snap'],
  [ZabMsgKind.NewLeader, 'newleader'],
  [ZabMsgKind.UpToDate, 'uptodate'],
  [ZabMsgKind.Proposal, 'proposal'],
  [ZabMsgKind.Ack, 'ack'],
  [ZabMsgKind.Commit, 'commit'],
  [ZabMsgKind.Ping, 'ping'],
  [ZabMsgKind.Request, 'request'],
  [ZabMsgKind.ClientRequest, 'client-request'],
  [ZabMsgKind.ClientReply, 'client-reply'],
]);

const NOTIFICATION_ARC: readonly ArcSpec[] = [{ slot: ZAB_TIMERS.election, kind: 'notificationArc' }];
const FINALIZE_ARC: readonly ArcSpec[] = [{ slot: ZAB_TIMERS.election, kind: 'finalizeArc' }];
const NO_ARCS: readonly ArcSpec[] = [];

/** The epoch a server leads: its currentEpoch while LEADING, else null. */
export function zabLeads(node: unknown): number | null {
  const n = node as ZabNodeView;
  return n.role === 'leading' ? n.currentEpoch : null;
}

export const zabView: ProtocolView = {
  protocol: 'zab',
  dict: zabDict,
  nodeInfo(node, _t, lang) {
    const n = node as ZabNodeView;
    const z = zabDict(lang);
    const alive = n.role !== 'down';
    const roleLabel = z.roles[n.role];
    const phase = alive && n.phase ? z.phasesShort[n.phase] : '';
    const epoch = String(n.currentEpoch);
    return {
      id: n.id,
      role: n.role,
      roleLabel,
      era: n.currentEpoch,
      eraLabel: z.eraShort(epoch),
      alive,
      leader: zabLeads(n) !== null,
      name: alive ? z.nodeName(String(n.id), roleLabel, epoch, phase) : z.nodeDownName(String(n.id), epoch),
      votes: null,
      data: {
        epoch: n.currentEpoch,
        'accepted-epoch': n.acceptedEpoch,
        zxid: zxidHex(n.lastZxid),
        committed: zxidHex(n.committedZxid),
        round: n.round,
        phase: n.phase ?? 'none',
      },
    };
  },
  leads: zabLeads,
  NodeShape: ZabNodeShape,
  // A LOOKING server shows its notification back-off draining, then finalizeWait.
  arcs: (node) => {
    const n = node as ZabNodeView;
    if (n.role !== 'looking') return NO_ARCS;
    return n.waitingFor === 'finalize' ? FINALIZE_ARC : NOTIFICATION_ARC;
  },
  LogTab: ZabLog,
  NodeFields: ZabNodeFields,
  narrateParts,
  narrate,
  narrateViolation,
  switches: [],
  bugs: ZAB_BUGS,
  glyphs: ZAB_GLYPH_TABLE,
  legend: {
    // Every kind, in the order of the protocol's phases; the labels are the dictionary's legend entries.
    messages: [
      { look: { glyph: 'notification', era: 2 }, label: 'notification' },
      { look: { glyph: 'followerinfo' }, label: 'followerinfo' },
      { look: { glyph: 'leaderinfo', era: 3 }, label: 'leaderinfo' },
      { look: { glyph: 'ackepoch', verdict: true }, label: 'ackepoch' },
      { look: { glyph: 'diff', era: 3 }, label: 'diff' },
      { look: { glyph: 'trunc' }, label: 'trunc' },
      { look: { glyph: 'snap', era: 3 }, label: 'snap' },
      { look: { glyph: 'newleader' }, label: 'newleader' },
      { look: { glyph: 'uptodate' }, label: 'uptodate' },
      { look: { glyph: 'proposal', era: 3 }, label: 'proposal' },
      { look: { glyph: 'ack', verdict: true }, label: 'ack' },
      { look: { glyph: 'commit', era: 3 }, label: 'commit' },
      { look: { glyph: 'ping' }, label: 'ping' },
      { look: { glyph: 'request', era: 3 }, label: 'request' },
      { look: { glyph: 'client-request' }, label: 'client-request' },
      { look: { glyph: 'client-reply', verdict: true }, label: 'client-reply' },
    ],
    dropped: { glyph: 'proposal', era: 1 },
    arcs: ['notificationArc', 'finalizeArc'],
  },
  kindGlyph: (kind) => GLYPH_OF_KIND.get(kind) ?? 'other',
  marks: {
    leader: { symbol: '★', row: 0, rank: 'high', eraColour: true },
    commit: { symbol: '●', row: 2, rank: 'low' },
    phase: { symbol: '▸', row: 0, rank: 'low' },
  },
  // ZooKeeper's coordination layer (a scenario with "service": "zookeeper"): clients, lock queues, tree, history.
  services: { zookeeper: zkServiceView },
};
