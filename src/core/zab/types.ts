/**
 * ZooKeeper's replication protocol as data: Fast Leader Election's votes and
 * notifications, ZAB's discovery / synchronization / broadcast messages, the zxid, the
 * per-server view the UI draws and the decision codes (notes) that explain every step.
 *
 * This file is the contract between the core (src/core/zab) and the view (src/ui/zab):
 * fields may be added; renaming or removing one changes both sides.
 */
import { defineNotes } from '../protocol';
import type { SessionId, ZkClientMsg, ZkServerMsg, ZkTxn } from '../coord/zookeeper/types';

// ---- zxid -------------------------------------------------------------------------

/**
 * A zxid is epoch << 32 | counter. Held as a plain number (epoch * 2^32 + counter): exact
 * while the epoch is below 2^21, which the config bounds guarantee. Compare with < and >.
 */
export type Zxid = number;
export const ZXID_EPOCH_UNIT = 4294967296; // 2^32

export function zxidOf(epoch: number, counter: number): Zxid {
  return epoch * ZXID_EPOCH_UNIT + counter;
}
export function epochOf(z: Zxid): number {
  return Math.floor(z / ZXID_EPOCH_UNIT);
}
export function counterOf(z: Zxid): number {
  return z % ZXID_EPOCH_UNIT;
}
/** As ZooKeeper prints it: `0x` + lowercase hex (`0x100000003` = epoch 1, counter 3; zero is `0x0`). */
export function zxidHex(z: Zxid): string {
  return '0x' + z.toString(16);
}
/** As the vote table shows it: `epoch:counter`. */
export function zxidPair(z: Zxid): string {
  return `${epochOf(z)}:${counterOf(z)}`;
}

// ---- config -----------------------------------------------------------------------

/**
 * Deliberate bugs. The ZooKeeper service's two (src/core/zab/zk/serve.ts says how each acts):
 * - `expireWithoutLog`: a follower's own session tracker expires an idle session locally —
 *   its ephemerals deleted in that follower's tree only — instead of the leader proposing
 *   closeSession through the log. The trees diverge: that follower's reads miss nodes the
 *   committed history still has — a lock waiter connected there sees the holder's node
 *   gone and takes the lock (Lock Safety must catch it; Linearizability too, for a read
 *   that misses a node the log still has) — and later txns on the session get other
 *   outcomes there than on the leader (Ephemeral Ownership sees the trees disagree).
 * - `watchFiresTwice`: a fired watch is not removed on the server (WatchManager's one-shot
 *   rule broken), so the next change fires it again with no new registration: the One-Shot
 *   Watches checker must catch it.
 */
export type ZabBug = 'ignoreZxidInElection' | 'commitWithoutQuorum' | 'expireWithoutLog' | 'watchFiresTwice';
export const ZAB_BUGS: readonly ZabBug[] = ['ignoreZxidInElection', 'commitWithoutQuorum', 'expireWithoutLog', 'watchFiresTwice'];
/** The bugs that act only when the ensemble hosts the ZooKeeper service. */
export const ZAB_SERVICE_BUGS: readonly ZabBug[] = ['expireWithoutLog', 'watchFiresTwice'];

/** The coordination service a ZAB ensemble hosts (a scenario's top-level `service`); null: none, requests are opaque values. */
export type ZabService = 'zookeeper' | null;

export interface ZabConfig {
  /** ZooKeeper's tickTime (zoo_sample.cfg: 2000 ms). PINGs go every tickTime / 2. */
  tickTimeMs: number;
  /** Ticks a follower may take to connect and sync (zoo_sample.cfg: 10). */
  initLimit: number;
  /** Ticks a follower may lag or be silent before it is dropped, and the leader's quorum window (zoo_sample.cfg: 5). */
  syncLimit: number;
  /** FLE's finalizeWait: how long a decided server waits for a better vote (200 ms). */
  finalizeWaitMs: number;
  /** FLE's first re-send interval when no notification arrives (200 ms); it doubles up to maxNotificationIntervalMs. */
  notificationIntervalMs: number;
  /** FLE's cap on the re-send interval (60 000 ms). */
  maxNotificationIntervalMs: number;
  latencyMinMs: number;
  latencyMaxMs: number;
  dropRate: number;
  clientRetry: boolean;
  clientTimeoutMs: number;
  /** Ordered links (TCP; the default), and the reordering / duplication faults (NetworkConfig). ZAB is only required to be safe under FIFO. */
  fifo: boolean;
  reorderRate: number;
  duplicateRate: number;
  /** How many of its newest transactions a leader keeps in memory to sync followers from (ZooKeeper's zookeeper.commitLogCount: 500). */
  committedLogCount: number;
  /** Whether a follower older than that window may be synced from the leader's whole logged history (ZooKeeper's txn-log sync, on unless zookeeper.snapSizeLimitInKb ≤ 0); off ⇒ SNAP. */
  txnLogSync: boolean;
  bugs: Record<ZabBug, boolean>;
  /** Set by ProtocolDef.withService from the scenario's `service`, never from `config` (null by default). */
  service: ZabService;
}

// ---- server state ----------------------------------------------------------------

/** The server state as the page exposes it in data-role (DESIGN.md). */
export type ZabRole = 'looking' | 'following' | 'leading';
/** ZAB's phases as the UI names them; `election` while LOOKING. */
export type ZabPhase = 'election' | 'discovery' | 'synchronization' | 'broadcast';

/** FLE's ServerState carried in a notification. */
export const ServerState = { LOOKING: 1, FOLLOWING: 2, LEADING: 3 } as const;
export type ServerState = (typeof ServerState)[keyof typeof ServerState];

/** A vote: the proposed leader, its last zxid and its epoch (peerEpoch). */
export interface Vote {
  readonly leader: number;
  readonly zxid: Zxid;
  readonly epoch: number;
}

/** A transaction in a server's history. */
export interface Txn {
  readonly zxid: Zxid;
  /** A short human label (`create /lock/lock-0000000001`): what the ledger shows. */
  readonly value: string;
  /** With the ZooKeeper service: the transaction every server applies once committed. */
  readonly zk?: ZkTxn;
}

// ---- messages -----------------------------------------------------------------------

export type ZabMsg =
  /** FLE: the sender's current vote, its round (logicalclock) and state. `sid` is the sender. */
  | { type: 'Notification'; vote: Vote; round: number; state: ServerState; sid: number }
  /** Discovery: a follower connects with its acceptedEpoch and last zxid. */
  | { type: 'FollowerInfo'; acceptedEpoch: number; lastZxid: Zxid }
  /** Discovery: the leader's proposed new epoch (LEADERINFO carries zxid (newEpoch, 0)). */
  | { type: 'LeaderInfo'; epoch: number }
  /** Discovery: the follower accepted the epoch; currentEpoch is −1 when it had already accepted that same epoch. */
  | { type: 'AckEpoch'; currentEpoch: number; lastZxid: Zxid }
  /** Sync: DIFF (`zxid` = the leader's last committed zxid); missing PROPOSAL/COMMIT pairs follow. */
  | { type: 'Diff'; zxid: Zxid }
  /** Sync: truncate the history after `zxid`; missing pairs may follow. */
  | { type: 'Trunc'; zxid: Zxid }
  /** Sync: replace the whole history with the leader's committed history (a snapshot). */
  | { type: 'Snap'; zxid: Zxid; history: readonly Txn[] }
  /**
   * Sync done: NEWLEADER with zxid (epoch, 0); the follower persists currentEpoch and ACKs.
   * `last` is the last zxid the leader sent before it: the ACK vouches for all of them, so
   * a follower that lost one (the simulator's dropRate; TCP would not) must not ACK.
   */
  | { type: 'NewLeader'; zxid: Zxid; last?: Zxid }
  /** The leader has a quorum of NEWLEADER ACKs: serve. */
  | { type: 'UpToDate' }
  /**
   * Broadcast (and the sync pairs): a transaction. `prev` is the zxid before it in the
   * leader's history (0 for the first): what TCP's sequence numbers give ZooKeeper, so a
   * follower that lost a packet (the simulator's dropRate) notices the gap and resyncs.
   */
  | { type: 'Proposal'; txn: Txn; prev?: Zxid }
  /** A follower logged `zxid` (or acknowledges NEWLEADER when zxid counter is 0). */
  | { type: 'Ack'; zxid: Zxid }
  | { type: 'Commit'; zxid: Zxid }
  /** Leader → follower every tickTime / 2 (the follower answers with a Ping too: the leader learns it is alive). */
  /**
   * Follower → leader, every tickTime / 2: the answer to the leader's PING. With the
   * ZooKeeper service it carries the sessions its clients touched since the last one
   * (LearnerSessionTracker.snapshot): the leader's tracker touches them.
   */
  | { type: 'Ping'; zxid: Zxid; sessions?: readonly SessionId[] }
  /**
   * A write a follower forwards to its leader (ZooKeeper's REQUEST packet). With the
   * ZooKeeper service `zk` is the transaction to propose (the leader stamps timeMs), and
   * clientId / requestId are the client actor and its xid.
   */
  | { type: 'Request'; clientId: number; requestId: number; value: string; via: number; zk?: ZkTxn }
  | { type: 'ClientRequest'; clientId: number; requestId: number; value: string }
  | { type: 'ClientReply'; requestId: number; ok: boolean; leaderHint: number; zxid: Zxid }
  /** ZooKeeper service, follower → leader: a client reconnected here with this session: is it still open (Learner REVALIDATE)? */
  | { type: 'Revalidate'; session: SessionId; timeoutMs: number }
  /** Leader → follower: the answer; `valid` false = expired or closed. */
  | { type: 'RevalidateReply'; session: SessionId; valid: boolean }
  /** ZooKeeper service, follower → leader: a client's sync (Learner SYNC), `xid` its request. */
  | { type: 'Sync'; session: SessionId; xid: number }
  /** Leader → follower: everything proposed before the sync is committed, up to `zxid`. */
  | { type: 'SyncReply'; session: SessionId; xid: number; zxid: Zxid }
  /**
   * Leader → a server: `session` reconnected elsewhere, drop its connection and watches.
   * A real server learns it from its TCP connection closing (the client closes its old
   * socket before connecting anew); the simulated network has no such signal, so the
   * leader, which learns the new owner at REVALIDATE, says it.
   */
  | { type: 'SessionMoved'; session: SessionId; to: number }
  /** The ZooKeeper wire: what clients send servers, and what servers answer. */
  | ZkClientMsg
  | ZkServerMsg;

/** Message kind codes in the history (stable; the UI draws and narrates by them). */
export const ZabMsgKind = {
  Notification: 1,
  FollowerInfo: 2,
  LeaderInfo: 3,
  AckEpoch: 4,
  Diff: 5,
  Trunc: 6,
  Snap: 7,
  NewLeader: 8,
  UpToDate: 9,
  Proposal: 10,
  Ack: 11,
  Commit: 12,
  Ping: 13,
  Request: 14,
  ClientRequest: 15,
  ClientReply: 16,
} as const;

/** The ZooKeeper service's packets, each drawn as the existing kind nearest to its role. */
const ZK_KIND: Readonly<Record<ZkPacketType, number>> = {
  Revalidate: ZabMsgKind.Request,
  RevalidateReply: ZabMsgKind.Request,
  Sync: ZabMsgKind.Request,
  SyncReply: ZabMsgKind.Request,
  SessionMoved: ZabMsgKind.Request,
  ConnectRequest: ZabMsgKind.ClientRequest,
  ClientPing: ZabMsgKind.ClientRequest,
  ConnectResponse: ZabMsgKind.ClientReply,
  Reply: ZabMsgKind.ClientReply,
  ClientPong: ZabMsgKind.ClientReply,
  WatcherEvent: ZabMsgKind.ClientReply,
};
type ZkPacketType = Exclude<ZabMsg['type'], keyof typeof ZabMsgKind>;

/** A message's kind code (the history keeps it). A client's Request is drawn as a ClientRequest. */
export function zabMsgKind(msg: ZabMsg): number {
  if (msg.type === 'Request') return isForwarded(msg) ? ZabMsgKind.Request : ZabMsgKind.ClientRequest;
  return msg.type in ZabMsgKind ? ZabMsgKind[msg.type as keyof typeof ZabMsgKind] : ZK_KIND[msg.type as ZkPacketType];
}

/** A follower's forwarded write (REQUEST), as opposed to a client's ZooKeeper Request. */
export type ZabForward = Extract<ZabMsg, { type: 'Request'; via: number }>;
export type ZkClientRequestMsg = Extract<ZabMsg, { type: 'Request'; session: number }>;
export function isForwarded(msg: Extract<ZabMsg, { type: 'Request' }>): msg is ZabForward {
  return 'via' in msg;
}

/**
 * How each kind is drawn: MessageLook.glyph is one of these names (the UI's glyph table
 * has one entry per name). Sync modes each get their own; an empty DIFF is 'diff'.
 */
export const ZAB_GLYPHS = [
  'notification',
  'followerinfo',
  'leaderinfo',
  'ackepoch',
  'diff',
  'trunc',
  'snap',
  'newleader',
  'uptodate',
  'proposal',
  'ack',
  'commit',
  'ping',
  'request',
  'client-request',
  'client-reply',
] as const;
export type ZabGlyph = (typeof ZAB_GLYPHS)[number];

// ---- what the UI gets per server -----------------------------------------------------

/** A vote another server sent us this round (FLE's recvset), or from outside the election (outofelection). */
export interface ReceivedVote {
  sid: number;
  leader: number;
  zxid: Zxid;
  epoch: number;
  round: number;
  state: ZabRole;
}

/** One entry of a server's history as the zxid ledger draws it. */
export interface LedgerEntry {
  zxid: Zxid;
  value: string;
  committed: boolean;
}

/** The leader's view of one follower (LearnerHandler). */
export interface LearnerView {
  sid: number;
  /** Where this follower is with us: connected (FOLLOWERINFO seen), epoch acked, synced (NEWLEADER acked), serving (UPTODATE sent). */
  stage: 'connected' | 'epoch-acked' | 'synced' | 'serving';
  /** The sync mode chosen for it, once chosen. */
  sync: 'diff' | 'trunc' | 'snap' | null;
  /** Its last acknowledged zxid. */
  ackedZxid: Zxid;
  /** Virtual time we last heard from it. */
  heardAt: number;
}

export interface ZabNodeView {
  id: number;
  /** 'down' while crashed (the page's data-role). */
  role: ZabRole | 'down';
  phase: ZabPhase | null;
  acceptedEpoch: number;
  currentEpoch: number;
  lastZxid: Zxid;
  /** The last zxid this server has committed (delivered). */
  committedZxid: Zxid;
  /** FLE: logicalclock. */
  round: number;
  /** The current vote (while looking; after the election, the vote that decided it). */
  vote: Vote;
  /** Votes received in the current round, by sender (FLE's recvset), ascending by sid. */
  received: ReceivedVote[];
  /** Votes from FOLLOWING/LEADING servers (FLE's outofelection), ascending by sid. */
  outOfElection: ReceivedVote[];
  /** The leader this server follows or is (its own id when leading); 0 while looking. */
  leader: number;
  /** The newest LEDGER_WINDOW entries of the history (the ledger scrolls through them). */
  history: LedgerEntry[];
  /** Entries before history[0] not shown. */
  historyOffset: number;
  /** Entries removed by the latest TRUNC or SNAP, and when (the ledger shows them leaving); empty otherwise. */
  truncated: Txn[];
  truncatedAt: number;
  /** Leading: each follower's state with us, ascending by sid; empty otherwise. */
  learners: LearnerView[];
  /** Timer slots armed for the draining arc: which slot means what is in ZAB_TIMERS. */
  waitingFor: 'notification' | 'finalize' | 'leader' | 'quorum' | null;
  /** With the ZooKeeper service: what this server has applied and who is connected to it. */
  zk?: ZkServerView;
}

/** One znode as a server's compact tree draws it (the /zookeeper subtree left out). */
export interface ZkTreeRowView {
  path: string;
  version: number;
  /** 0 for a persistent node. */
  ephemeralOwner: SessionId;
  /** Watches set on this server on this path: data (getData / exists) and child (getChildren) watchers, by session, ascending. */
  dataWatches: SessionId[];
  childWatches: SessionId[];
  /** The node's data (its first ZK_ROW_DATA_CHARS characters) and the rest of its Stat, for the tree's hover; absent in views made before they were carried. */
  stat?: ZkRowStat;
}

/** Longest data a tree row carries (the whole length is in dataLength). */
export const ZK_ROW_DATA_CHARS = 120;

/** The part of a znode's Stat (DataNode.copyStat) and data a tree row carries beyond version and ephemeralOwner. */
export interface ZkRowStat {
  data: string;
  dataLength: number;
  cversion: number;
  numChildren: number;
  czxid: Zxid;
  mzxid: Zxid;
  pzxid: Zxid;
}

export interface ZkServerView {
  /** The last zxid applied to this server's tree (a follower may lag the leader's). */
  appliedZxid: Zxid;
  rows: ZkTreeRowView[];
  /** The clients connected here, by session ascending, with how many of their requests wait (CommitProcessor). */
  connections: { session: SessionId; client: number; waiting: number }[];
  /** Leader: each tracked session and the tickTime bucket it expires in (ascending by session); empty elsewhere. */
  tracker: { session: SessionId; timeoutMs: number; expireAt: number }[];
}

/** How many history entries a view carries. */
export const LEDGER_WINDOW = 256;

/** Timer slots. */
export const ZAB_TIMERS = {
  /** LOOKING: the notification re-send interval, and finalizeWait once a quorum agrees. */
  election: 0,
  /** FOLLOWING / LEADING: the tick (PINGs every tickTime / 2, and the liveness checks). */
  tick: 1,
  /** ZooKeeper service: the leader's session tracker (ExpiryQueue), at every tickTime boundary. */
  sessions: 2,
} as const;

// ---- decisions (named notes) ---------------------------------------------------------

/**
 * Every decision a server records, with its arguments named. Zxids are full numbers
 * (epoch * 2^32 + counter); `by`-suffixed kinds say which part of the total order decided.
 */
export const ZabNotes = defineNotes({
  // Fast Leader Election
  /** A new election: round incremented, a vote for ourselves broadcast. */
  ElectionStarted: { code: 1, fields: ['round', 'zxid', 'epoch'] },
  /** A notification with a higher round: adopt the round, forget received votes, then compare with our initial vote. */
  RoundAdopted: { code: 2, fields: ['from', 'round', 'oldRound'] },
  /** A notification with a lower round: not recorded; we answer the laggard with our vote. */
  LowerRoundAnswered: { code: 3, fields: ['from', 'round', 'ourRound'] },
  /** Adopted a better vote: its epoch is higher. theirs/ours are the epochs. */
  AdoptByEpoch: { code: 4, fields: ['from', 'leader', 'theirs', 'ours'] },
  /** Adopted a better vote: same epoch, higher zxid. theirs/ours are the zxids. */
  AdoptByZxid: { code: 5, fields: ['from', 'leader', 'theirs', 'ours'] },
  /** Adopted a better vote: same epoch and zxid, higher sid. theirs/ours are the proposed sids. */
  AdoptBySid: { code: 6, fields: ['from', 'leader', 'theirs', 'ours'] },
  /** Kept our vote: theirs is not better (lower epoch). */
  KeepByEpoch: { code: 7, fields: ['from', 'leader', 'theirs', 'ours'] },
  /** Kept our vote: same epoch, their zxid is lower. */
  KeepByZxid: { code: 8, fields: ['from', 'leader', 'theirs', 'ours'] },
  /** Kept our vote: same epoch and zxid, their proposed sid is not higher (equal = the same vote). */
  KeepBySid: { code: 9, fields: ['from', 'leader', 'theirs', 'ours'] },
  /** A quorum has sent the same vote as ours: wait finalizeWait for a better one. */
  QuorumAgrees: { code: 10, fields: ['leader', 'votes', 'needed', 'waitMs'] },
  /** A better vote arrived during finalizeWait: the election goes on. */
  FinalizeInterrupted: { code: 11, fields: ['from', 'leader'] },
  /** The election is over: we lead (leader = us) or follow `leader`. */
  Decided: { code: 12, fields: ['leader', 'votes', 'round'] },
  /** Joined an established ensemble from FOLLOWING/LEADING notifications. */
  JoinedEnsemble: { code: 13, fields: ['leader', 'epoch', 'votes'] },
  /** No notification for the current interval: re-send, and double the interval (capped). */
  NotificationsResent: { code: 14, fields: ['intervalMs'] },
  /** The same vote as ours again, same round: recorded, nothing changes (routine). */
  SameVoteReceived: { code: 15, fields: ['from', 'leader', 'zxid', 'round'] },
  /** While waiting finalizeWait, a notification that is not better is dropped unrecorded (FastLeaderElection does this). */
  FinalizeDiscarded: { code: 16, fields: ['from', 'leader', 'zxid', 'epoch'] },

  // Discovery
  FollowerInfoSent: { code: 20, fields: ['leader', 'acceptedEpoch', 'lastZxid'] },
  /** Leader: a quorum (itself included) is connected; newEpoch = max(acceptedEpoch) + 1. */
  EpochProposed: { code: 21, fields: ['epoch', 'maxAccepted', 'followers'] },
  /** Follower: accepted the proposed epoch (persisted acceptedEpoch). */
  EpochAccepted: { code: 22, fields: ['leader', 'epoch', 'currentEpoch'] },
  /** Follower: offered an epoch lower than one it accepted: disconnect, LOOKING. */
  EpochRefused: { code: 23, fields: ['leader', 'epoch', 'acceptedEpoch'] },
  /** Leader: ACKEPOCH counted. */
  AckEpochCounted: { code: 24, fields: ['from', 'currentEpoch', 'lastZxid', 'acks'] },
  /** Leader: ACKEPOCH with currentEpoch −1 (it had already accepted this epoch): not counted as an epoch ack. */
  AckEpochSameEpoch: { code: 25, fields: ['from', 'epoch'] },
  /** Leader: the follower is ahead of us (newer currentEpoch, or same epoch and higher zxid): refused, dropped. */
  FollowerAhead: { code: 26, fields: ['from', 'theirZxid', 'ourZxid', 'theirEpoch'] },
  /** Leader: a quorum acked the epoch; currentEpoch adopted. */
  EpochEstablished: { code: 27, fields: ['epoch', 'acks'] },

  // Synchronization (LearnerHandler.syncFollower)
  /** The follower's last zxid equals ours: an empty DIFF. */
  SyncEmptyDiff: { code: 30, fields: ['to', 'zxid'] },
  /** DIFF then the missing PROPOSAL/COMMIT pairs. */
  SyncDiff: { code: 31, fields: ['to', 'fromZxid', 'count', 'toZxid'] },
  /** TRUNC to `zxid` (the follower is beyond our last committed, or holds a dead epoch's proposal), then `count` pairs. */
  SyncTrunc: { code: 32, fields: ['to', 'zxid', 'theirZxid', 'count'] },
  /** SNAP: the whole committed history (a truncation across an epoch, or the follower is too old). */
  SyncSnap: { code: 33, fields: ['to', 'zxid', 'theirZxid', 'count'] },
  /** Follower: truncated its history after `zxid`, removing `removed` entries. */
  Truncated: { code: 34, fields: ['zxid', 'removed'] },
  /** Follower: loaded a snapshot up to `zxid`. */
  SnapLoaded: { code: 35, fields: ['zxid', 'count'] },
  /** Follower: NEWLEADER: currentEpoch persisted, ACK sent. */
  NewLeaderAcked: { code: 36, fields: ['leader', 'epoch'] },
  /** Leader: a NEWLEADER ACK counted. */
  NewLeaderAckCounted: { code: 37, fields: ['from', 'acks', 'needed'] },
  /** Leader: a quorum acked NEWLEADER: established, UPTODATE sent. */
  LeaderEstablished: { code: 38, fields: ['epoch', 'acks'] },
  /** Follower: UPTODATE: serving. */
  UpToDate: { code: 39, fields: ['leader', 'epoch'] },

  // Broadcast
  Proposed: { code: 40, fields: ['zxid', 'client', 'request'] },
  /** Follower: logged a proposal and ACKed it. */
  Logged: { code: 41, fields: ['zxid'] },
  /** Leader: an ACK counted (leader included). */
  AckCounted: { code: 42, fields: ['from', 'zxid', 'acks', 'needed'] },
  /** Leader: committed (quorum of ACKs, strictly in zxid order). */
  Committed: { code: 43, fields: ['zxid', 'acks'] },
  /** Follower: COMMIT delivered. */
  Delivered: { code: 44, fields: ['zxid'] },
  /** A follower forwarded a client's write to its leader. */
  Forwarded: { code: 45, fields: ['client', 'request', 'leader'] },
  /** A write arrived while no leader serves: refused. */
  ClientRefused: { code: 46, fields: ['client', 'request'] },
  /** Follower: a PROPOSAL that does not extend our history in order (only a reordering network does this): LOOKING to resync. */
  ProposalOutOfOrder: { code: 47, fields: ['zxid', 'lastZxid'] },
  /** Follower: a COMMIT for a zxid we do not hold (only a reordering network does this): LOOKING to resync. */
  CommitUnknown: { code: 48, fields: ['zxid', 'lastZxid'] },

  // Liveness
  /** Follower: the leader was silent for `silentMs` (syncLimit × tickTime, or initLimit × tickTime before NEWLEADER): LOOKING. */
  LeaderSilent: { code: 50, fields: ['leader', 'silentMs', 'limitMs'] },
  /** Leader: fewer than a quorum of synced followers heard within syncLimit: LOOKING. */
  QuorumLost: { code: 51, fields: ['heard', 'needed', 'limitMs'] },
  /** Leader: one follower silent (or not acking) for syncLimit ticks: dropped. */
  FollowerDropped: { code: 52, fields: ['follower', 'silentMs'] },
  /** The TCP connection to `peer` closed (its process died): noticed at once. */
  ConnectionClosed: { code: 53, fields: ['peer', 'wasLeader'] },
  /** Went back to LOOKING (after any of the above), to start a new election. */
  BackToLooking: { code: 54, fields: ['epoch'] },
  /** Entered a phase (ZAB_PHASE_CODES: 1 discovery, 2 synchronization, 3 broadcast) of `epoch` (0 while not yet known). */
  PhaseEntered: { code: 55, fields: ['phase', 'epoch'] },
  /** Leader: PINGs sent to its learners (every tickTime / 2; routine). */
  Pinged: { code: 56, fields: ['zxid', 'learners'] },
  /** Follower: answered its leader's PING (routine). */
  PingAnswered: { code: 57, fields: ['leader', 'zxid'] },
  /** A message that does not belong to our state (a stale connection's, a non-leader's): ignored. kind is ZabMsgKind. */
  Ignored: { code: 58, fields: ['from', 'kind'] },
  /** The server restarted with its logged history (ZooKeeper replays its txn log). */
  Restarted: { code: 59, fields: ['lastZxid', 'acceptedEpoch', 'currentEpoch'] },
});

/**
 * The ZooKeeper service's decisions (src/core/zab/zk/serve.ts), codes from 100 (below
 * SIM_NOTE_BASE). Sessions are ids as numbers (sessionHex prints them), clients actor ids
 * (CLIENT_ID_BASE + c − 1), zxids full numbers. A forwarded write is ZabNotes.Forwarded.
 */
export const ZabZkNotes = defineNotes({
  /** A ConnectRequest while we do not serve (LOOKING, or still syncing): refused, as the real server closes the socket. */
  ConnectRefusedNotServing: { code: 100, fields: ['client', 'session'] },
  /** The client has seen a later zxid than we applied: refused, it tries another server. */
  ConnectRefusedBehind: { code: 101, fields: ['client', 'session', 'theirs', 'ours'] },
  /** A new session: its id made here, its timeout negotiated (asked clamped to [2, 20] × tickTime), createSession sent through the leader. */
  SessionRequested: { code: 102, fields: ['client', 'session', 'timeoutMs', 'askedMs'] },
  /** The createSession was applied here: the client is connected (ConnectResponse sent). */
  SessionCreated: { code: 103, fields: ['client', 'session', 'timeoutMs', 'zxid'] },
  /** A follower asks its leader whether a reconnecting client's session is still open (REVALIDATE). */
  RevalidateSent: { code: 104, fields: ['client', 'session', 'leader'] },
  /** Leader: a reconnect (its own or a follower's) checked against the tracker: valid 1 = open (touched, now owned by `owner`), 0 = expired or closed. */
  Revalidated: { code: 105, fields: ['session', 'valid', 'owner', 'previous'] },
  /** The reconnecting session is open: connected here, its watches re-registered. */
  SessionReconnected: { code: 106, fields: ['client', 'session', 'timeoutMs'] },
  /** The reconnecting session expired or was closed: ConnectResponse with session 0, timeout 0. */
  SessionInvalid: { code: 107, fields: ['client', 'session'] },
  /** A request on a session this server does not know or that ended: answered SessionExpired. */
  SessionUnknown: { code: 108, fields: ['client', 'session', 'xid'] },
  /** A packet from a client with no connection here (we do not serve, or its session is connected elsewhere): nothing to answer on. */
  NoConnection: { code: 109, fields: ['client', 'session'] },
  /** A read answered from our own tree at zxid `zxid` while the leader is at `leaderZxid` (as far as we know). */
  ReadServed: { code: 110, fields: ['client', 'xid', 'zxid', 'leaderZxid'] },
  /** A read waits behind `behind` earlier requests of its own session (CommitProcessor's per-session order). */
  ReadQueued: { code: 111, fields: ['client', 'xid', 'behind'] },
  /** A follower sent a client's sync to the leader (SYNC). */
  SyncForwarded: { code: 112, fields: ['client', 'xid', 'leader'] },
  /** The sync is answered: the leader's SYNC said `zxid`, and we applied up to `applied`. */
  SyncDone: { code: 113, fields: ['client', 'xid', 'zxid', 'applied'] },
  /** A watch fired here: event code (ZK_EVENT_CODES) sent to the connected client. */
  WatchFired: { code: 114, fields: ['client', 'event', 'zxid', 'applied'] },
  /** The connected client's session ended (closed by it, or expired = 1 through the log): its connection is closed. */
  SessionEnded: { code: 115, fields: ['client', 'session', 'expired', 'zxid'] },
  /** The leader says the session reconnected to server `to`: its connection and watches here go. */
  SessionMovedAway: { code: 116, fields: ['session', 'client', 'to'] },
  /** A new leader loaded the open sessions of its tree, every clock restarted. */
  TrackerLoaded: { code: 117, fields: ['sessions'] },
  /** Leader: a session not touched within its timeout (its tickTime bucket is due): closeSession proposed. */
  SessionExpiredByTracker: { code: 118, fields: ['session', 'timeoutMs', 'expireAt'] },
  /** Bug expireWithoutLog: a follower ended an idle session in its own tree, outside the log. */
  SessionExpiredLocally: { code: 119, fields: ['session', 'timeoutMs', 'expireAt'] },
  /** A TRUNC or SNAP replaced transactions we had applied: the tree is rebuilt from the `count` committed ones. */
  TreeRebuilt: { code: 120, fields: ['count'] },
  /** Going LOOKING, the server closed its `clients` client connections (ZooKeeperServer shutdown): they fail over at once. */
  ConnectionsClosed: { code: 121, fields: ['clients'] },
});

/** WatchFired's `event` codes. */
export const ZK_EVENT_CODES = { NodeCreated: 1, NodeDeleted: 2, NodeDataChanged: 3, NodeChildrenChanged: 4 } as const;

/** PhaseEntered's `phase` codes. */
export const ZAB_PHASE_CODES: Readonly<Record<Exclude<ZabPhase, 'election'>, number>> = { discovery: 1, synchronization: 2, broadcast: 3 };

/** The note codes, for switches. */
export const ZabNote = Object.fromEntries(Object.entries(ZabNotes).map(([k, v]) => [k, v.code])) as {
  readonly [K in keyof typeof ZabNotes]: (typeof ZabNotes)[K]['code'];
};
