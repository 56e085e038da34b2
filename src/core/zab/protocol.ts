/**
 * ZooKeeper's Fast Leader Election and ZAB as the simulator sees them: config, initial
 * state, the server state machine (node.ts and the files it dispatches to), the invariant
 * monitor (checkers.ts), how messages look, and what the UI and the CLI show of a server.
 */
import { SIM_NOTE_BASE, type ClientReplyInfo, type MessageLook, type NetworkConfig, type ProtocolDef } from '../protocol';
import { networkFieldsOf } from '../config-fields';
import { createZabMonitor } from './checkers';
import { parseConfig } from './config';
import { initialWarnings, parseInitial, type ZabInitial } from './initial';
import { sessionHex } from '../coord/zookeeper/types';
import { zkLook } from './zk/look';
import { cloneZkServe, cloneZkState } from './zk/serve';
import { zkView } from './zk/view';
import { crash, createZabNode, peerDisconnected, receive, start, timeoutNow, timer } from './node';
import { lastZxid, type Learner, type ZabNode } from './state';
import {
  LEDGER_WINDOW,
  ServerState,
  ZAB_BUGS,
  ZabNote,
  ZabNotes,
  ZabZkNotes,
  counterOf,
  epochOf,
  isForwarded,
  zabMsgKind,
  zxidHex,
  type LearnerView,
  type LedgerEntry,
  type ReceivedVote,
  type Txn,
  type Vote,
  type ZabConfig,
  type ZabMsg,
  type ZabNodeView,
  type ZabPhase,
  type ZabRole,
} from './types';

/** A keyframe copy of one server: the history and proposal times as (array, length), everything else copied. */
export interface ZabSnap {
  readonly node: ZabNode;
  readonly historyLength: number;
  readonly proposedLength: number;
}

/** The pending clients of a snapshot taken with none (never mutated: restore copies it). */
const NO_PENDING: ZabNode['pending'] = new Map();

function snapshot(n: ZabNode): ZabSnap {
  // ReceivedVote and Vote objects are never mutated (replaced whole), so sharing them is safe.
  const copy: ZabNode = {
    ...n,
    recv: n.recv.slice(),
    outOf: n.outOf.slice(),
    learners: n.learners.map((l) => (l === null ? null : { ...l })),
    // Append-only until replaced (like the history): shared as (array, length).
    proposedAt: n.proposedAt,
    pending: n.pending.size === 0 ? NO_PENDING : new Map(n.pending),
    zk: n.zk === null ? null : cloneZkState(n.zk),
    zkServe: n.zkServe === null ? null : cloneZkServe(n.zkServe),
  };
  return { node: copy, historyLength: n.history.length, proposedLength: n.proposedAt.length };
}

function restore(s: ZabSnap): ZabNode {
  const n = s.node;
  return {
    ...n,
    // A copy, not the shared array: the restored server will push onto it.
    history: n.history.slice(0, s.historyLength),
    recv: n.recv.slice(),
    outOf: n.outOf.slice(),
    learners: n.learners.map((l) => (l === null ? null : { ...l })),
    proposedAt: n.proposedAt.slice(0, s.proposedLength),
    pending: new Map(n.pending),
    zk: n.zk === null ? null : cloneZkState(n.zk),
    zkServe: n.zkServe === null ? null : cloneZkServe(n.zkServe),
  };
}

const STATE_NAMES: Record<ServerState, string> = { [ServerState.LOOKING]: 'LOOKING', [ServerState.FOLLOWING]: 'FOLLOWING', [ServerState.LEADING]: 'LEADING' };

/** How a message looks in flight, with its fields by ZooKeeper's names (zxids in hex). Only the UI calls it. */
function look(msg: ZabMsg): MessageLook {
  switch (msg.type) {
    case 'Notification':
      return {
        glyph: 'notification',
        name: 'Notification',
        era: msg.vote.epoch,
        fields: { leader: msg.vote.leader, zxid: zxidHex(msg.vote.zxid), peerEpoch: msg.vote.epoch, electionEpoch: msg.round, state: STATE_NAMES[msg.state], sid: msg.sid },
      };
    case 'FollowerInfo':
      return { glyph: 'followerinfo', name: 'FOLLOWERINFO', era: msg.acceptedEpoch, fields: { acceptedEpoch: msg.acceptedEpoch, lastZxid: zxidHex(msg.lastZxid) } };
    case 'LeaderInfo':
      return { glyph: 'leaderinfo', name: 'LEADERINFO', era: msg.epoch, fields: { epoch: msg.epoch } };
    case 'AckEpoch':
      return { glyph: 'ackepoch', name: 'ACKEPOCH', era: Math.max(0, msg.currentEpoch), verdict: true, fields: { currentEpoch: msg.currentEpoch, lastZxid: zxidHex(msg.lastZxid) } };
    case 'Diff':
      return { glyph: 'diff', name: 'DIFF', era: epochOf(msg.zxid), fields: { zxid: zxidHex(msg.zxid) } };
    case 'Trunc':
      return { glyph: 'trunc', name: 'TRUNC', era: epochOf(msg.zxid), fields: { zxid: zxidHex(msg.zxid) } };
    case 'Snap':
      return { glyph: 'snap', name: 'SNAP', era: epochOf(msg.zxid), count: msg.history.length, fields: { zxid: zxidHex(msg.zxid), transactions: msg.history.length } };
    case 'NewLeader':
      return { glyph: 'newleader', name: 'NEWLEADER', era: epochOf(msg.zxid), fields: { zxid: zxidHex(msg.zxid) } };
    case 'UpToDate':
      return { glyph: 'uptodate', name: 'UPTODATE', era: 0, fields: {} };
    case 'Proposal':
      return { glyph: 'proposal', name: 'PROPOSAL', era: epochOf(msg.txn.zxid), count: 1, fields: { zxid: zxidHex(msg.txn.zxid), value: msg.txn.value } };
    case 'Ack':
      return { glyph: 'ack', name: 'ACK', era: epochOf(msg.zxid), verdict: true, fields: { zxid: zxidHex(msg.zxid) } };
    case 'Commit':
      return { glyph: 'commit', name: 'COMMIT', era: epochOf(msg.zxid), fields: { zxid: zxidHex(msg.zxid) } };
    case 'Ping':
      // A follower's answer lists the sessions its clients touched (ZooKeeper service).
      if (msg.sessions !== undefined) return { glyph: 'ping', name: 'PING', era: epochOf(msg.zxid), count: msg.sessions.length, fields: { zxid: zxidHex(msg.zxid), sessions: msg.sessions.map(sessionHex).join(' ') } };
      return { glyph: 'ping', name: 'PING', era: epochOf(msg.zxid), fields: { zxid: zxidHex(msg.zxid) } };
    case 'Request':
      if (!isForwarded(msg)) return zkLook(msg);
      return { glyph: 'request', name: 'REQUEST', era: 0, fields: { clientId: msg.clientId, requestId: msg.requestId, value: msg.value, via: msg.via } };
    case 'ClientRequest':
      return { glyph: 'client-request', name: 'ClientRequest', era: 0, fields: { clientId: msg.clientId, requestId: msg.requestId, value: msg.value } };
    case 'ClientReply': {
      const fields: Record<string, number | string | boolean> = { requestId: msg.requestId, ok: msg.ok };
      if (msg.ok) fields.zxid = zxidHex(msg.zxid);
      return { glyph: 'client-reply', name: 'ClientReply', era: 0, verdict: msg.ok, fields };
    }
    default:
      return zkLook(msg);
  }
}

function kindCode(msg: ZabMsg): number {
  return zabMsgKind(msg);
}

/** Routine traffic: PINGs, a re-received identical vote, a dropped stale packet, an ack that commits nothing. */
const ROUTINE: ReadonlySet<number> = new Set<number>([ZabNote.Pinged, ZabNote.PingAnswered, ZabNote.SameVoteReceived, ZabNote.Ignored, ZabNote.FinalizeDiscarded]);

function notable(code: number): boolean {
  if (code >= SIM_NOTE_BASE) return true;
  return !ROUTINE.has(code);
}

function learnerView(l: Learner): LearnerView {
  return { sid: l.sid, stage: l.stage, sync: l.sync, ackedZxid: l.ackedZxid, heardAt: l.heardAt };
}

function waitingFor(n: ZabNode): ZabNodeView['waitingFor'] {
  if (n.state === 'looking') return n.finalizing ? 'finalize' : 'notification';
  return n.state === 'following' ? 'leader' : 'quorum';
}

function votes(set: readonly (ReceivedVote | null)[]): ReceivedVote[] {
  const out: ReceivedVote[] = [];
  for (let sid = 1; sid < set.length; sid++) {
    const r = set[sid];
    if (r !== null) out.push({ ...r });
  }
  return out;
}

function view(n: ZabNode, alive: boolean): ZabNodeView {
  const h = n.history;
  const start = Math.max(0, h.length - LEDGER_WINDOW);
  const history: LedgerEntry[] = [];
  for (let i = start; i < h.length; i++) history.push({ zxid: h[i].zxid, value: h[i].value, committed: i < n.committed });
  const learners: LearnerView[] = [];
  if (alive && n.state === 'leading') for (const l of n.learners) if (l !== null) learners.push(learnerView(l));
  const vote: Vote = { leader: n.vote.leader, zxid: n.vote.zxid, epoch: n.vote.epoch };
  const phase: ZabPhase | null = alive ? n.phase : null;
  return {
    id: n.id,
    role: alive ? n.state : 'down',
    phase,
    acceptedEpoch: n.acceptedEpoch,
    currentEpoch: n.currentEpoch,
    lastZxid: lastZxid(n),
    committedZxid: n.committed > 0 ? h[n.committed - 1].zxid : 0,
    round: n.round,
    vote,
    received: alive ? votes(n.recv) : [],
    outOfElection: alive ? votes(n.outOf) : [],
    leader: alive ? n.leader : 0,
    history,
    historyOffset: start,
    truncated: n.truncated.map((t: Txn) => ({ zxid: t.zxid, value: t.value })),
    truncatedAt: n.truncatedAt,
    learners,
    waitingFor: alive ? waitingFor(n) : null,
    ...(n.zk !== null && n.zkServe !== null ? { zk: zkView(n, alive) } : {}),
  };
}

function output(n: ZabNode, alive: boolean): Record<string, unknown> {
  const role: ZabRole | 'down' = alive ? n.state : 'down';
  const out: Record<string, unknown> = {
    id: n.id,
    alive,
    role,
    acceptedEpoch: n.acceptedEpoch,
    currentEpoch: n.currentEpoch,
    lastZxid: zxidHex(lastZxid(n)),
    log: n.history.map((t) => ({ zxid: zxidHex(t.zxid), value: t.value })),
  };
  if (alive && n.state === 'looking') out.vote = { leader: n.vote.leader, zxid: zxidHex(n.vote.zxid), epoch: n.vote.epoch };
  return out;
}

function networkOf(cfg: ZabConfig): NetworkConfig {
  return networkFieldsOf(cfg);
}

/** The alive established leader of the highest epoch (the lowest id on a tie), or 0. */
function leaderOf(nodes: readonly ZabNode[], alive: readonly boolean[]): number {
  let best = 0;
  let bestEpoch = -1;
  for (let id = 1; id < nodes.length; id++) {
    const n = nodes[id];
    if (alive[id] && n.state === 'leading' && n.established && n.currentEpoch > bestEpoch) {
      best = id;
      bestEpoch = n.currentEpoch;
    }
  }
  return best;
}

function clientReply(msg: ZabMsg): ClientReplyInfo | null {
  if (msg.type !== 'ClientReply') return null;
  return { requestId: msg.requestId, ok: msg.ok, redirect: msg.leaderHint, index: msg.zxid };
}

export const zabProtocol: ProtocolDef<ZabConfig, ZabNode, ZabMsg, ZabSnap, ZabNodeView> = {
  name: 'zab',
  timerSlots: 3,
  bugs: ZAB_BUGS,
  // ZAB is only required to be safe over TCP's ordered links (PROTOCOLS.md); it stays safe
  // with reordering too (a PROPOSAL and NEWLEADER name what they follow), only slower.
  fifoOnly: true,
  // ZooKeeper's real timings make a 6–16 s fuzz run one election; faster ticks reach
  // commits, leader crashes right after them, and re-elections within a run.
  fuzzOptions: {
    tickTimeMs: [50, 100, 200],
    initLimit: [2, 5, 10],
    syncLimit: [2, 5],
    finalizeWaitMs: [50, 200],
    maxNotificationIntervalMs: [800, 60_000],
    clientRetry: [false, true],
  },
  parseConfig,
  // A scenario's `service` ("zookeeper"): every server hosts ZooKeeper's request processing.
  withService: (cfg, service) => {
    if (service !== 'zookeeper') throw new Error(`zab hosts no service "${service}"`);
    return { ...cfg, service: 'zookeeper' };
  },
  networkOf,
  parseInitial,
  initialWarnings,
  createNode: (id, nodes, cfg, initial) => createZabNode(id, nodes, cfg, initial as ZabInitial | undefined),
  start,
  crash,
  receive,
  timer,
  timeoutNow,
  peerDisconnected,
  leaderOf,
  clientRequest: (spec) => ({ type: 'ClientRequest', clientId: spec.clientId, requestId: spec.requestId, value: spec.value }),
  clientReply,
  snapshot,
  restore,
  monitor: createZabMonitor,
  look,
  kindCode,
  view,
  output,
  markKinds: ['leader', 'commit', 'phase'],
  notes: [...Object.values(ZabNotes), ...Object.values(ZabZkNotes)],
  mark(code, a, _b, _c, _d, node) {
    if (code === ZabNote.LeaderEstablished) return { kind: 'leader', value: a };
    if (code === ZabNote.Committed && node.state === 'leading') return { kind: 'commit', value: counterOf(a) };
    if (code === ZabNote.PhaseEntered) return { kind: 'phase', value: a };
    return null;
  },
  notable,
};
