/** ZAB's view: how the shared scaffolding draws, names and narrates ZooKeeper servers. */
import { ZAB_BUGS, ZAB_TIMERS, ZabMsgKind, zxidHex, type ZabGlyph, type ZabNodeView } from '../../core/zab/types';
import type { ProtocolView } from '../views/types';
import { langOf, zabDict } from './i18n';
import { narrate, narrateParts, narrateViolation } from './narrate';
import { ZabLog } from './ZabLog';
import { ZabNodeFields } from './ZabNodeFields';
import { ZabNodeShape } from './ZabNodeShape';

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

export const zabView: ProtocolView = {
  protocol: 'zab',
  nodeInfo(node, t) {
    const n = node as ZabNodeView;
    const z = zabDict(langOf(t));
    const alive = n.role !== 'down';
    const roleLabel = z.roles[n.role];
    const phase = alive && n.phase ? z.phasesShort[n.phase] : '';
    const epoch = String(n.currentEpoch);
    return {
      id: n.id,
      role: n.role,
      roleLabel,
      term: n.currentEpoch,
      alive,
      leader: n.role === 'leading',
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
  NodeShape: ZabNodeShape,
  // A LOOKING server shows its notification back-off (and finalizeWait) draining.
  arcSlot: (node) => ((node as ZabNodeView).role === 'looking' ? ZAB_TIMERS.election : null),
  LogTab: ZabLog,
  logTabLabel: (t) => zabDict(langOf(t)).logTab,
  NodeFields: ZabNodeFields,
  narrateParts,
  narrate,
  narrateViolation,
  switches: [],
  bugs: ZAB_BUGS,
  simplifications: (t) => zabDict(langOf(t)).simplifications,
  kindGlyph: (kind) => ({ glyph: GLYPH_OF_KIND.get(kind) ?? 'other' }),
};
