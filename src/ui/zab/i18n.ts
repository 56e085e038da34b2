/**
 * ZAB's dictionary: every string the ZAB view shows, in English and Chinese. The English
 * object's shape is the type the Chinese one must match, so a missing translation is a
 * compile error. Parameterised strings are functions; numbers and zxids arrive formatted
 * (zxids as ZooKeeper prints them, `0x100000003`; node names as `n3`).
 *
 * Terms follow GLOSSARY.md: 纪元 (epoch), 选举轮次 (round), 事务 ID（zxid）, 提议/确认, 发现/同步/广播;
 * protocol and message names stay in English (FLE, ZAB, PROPOSAL, TRUNC, zxid).
 */
import { dict, type Dict, type Lang } from '../i18n';

/** A node as written in sentences: "n3". */
type N = string;

export const zabEn = {
  /** On the stage, under the node (DESIGN.md: looking, following, leading). */
  roles: { looking: 'looking', following: 'following', leading: 'leading', down: 'down' },
  /** In the vote table: ZooKeeper's own state names. */
  states: { looking: 'LOOKING', following: 'FOLLOWING', leading: 'LEADING', down: 'down' },
  phases: { election: 'election', discovery: 'discovery', synchronization: 'synchronization', broadcast: 'broadcast' },
  /** The phase as drawn under a node (short enough for an 800×450 embed). */
  phasesShort: { election: 'election', discovery: 'discovery', synchronization: 'sync', broadcast: 'broadcast' },
  eraShort: (epoch: string) => `epoch ${epoch}`,
  nodeName: (id: string, role: string, epoch: string, phase: string) => `Node ${id}, ${role}, epoch ${epoch}${phase ? `, ${phase}` : ''}`,
  nodeDownName: (id: string, epoch: string) => `Node ${id}, down, epoch ${epoch}`,
  leaderAnnounce: (n: N, epoch: string) => `${n} is now the leader of epoch ${epoch}`,
  noLeaderAnnounce: 'No leader',
  /** Timeline titles of ZAB's marks (ProtocolDef.markKinds), by the mark's node and value. */
  markTitles: {
    leader: (n: N, epoch: string) => `${n} became the established leader of epoch ${epoch}`,
    commit: (n: N, counter: string) => `${n} committed transaction ${counter} of its epoch`,
    phase: (n: N, code: string) => `${n} entered ${(['', 'discovery', 'synchronization', 'broadcast'] as const)[Number(code)] ?? 'a new phase'}`,
  } as Record<string, (node: N, value: string) => string>,

  logTab: 'Votes & zxids',

  // The vote table (the election as FLE sees it)
  voteTitle: 'Votes (Fast Leader Election)',
  voteCaption: 'Each server’s state, election round, current vote and the votes it received this round; the last column says what the notification that just arrived decided.',
  colServer: 'server',
  colState: 'state',
  colRound: 'round',
  colVote: 'current vote',
  colVoteSid: 'for',
  colVoteZxid: 'zxid',
  colVoteEpoch: 'epoch',
  colReceived: 'votes received',
  decidedBy: (n: N) => `what ${n} decided at this frame`,
  receivedVote: (from: N, leader: N) => `${from}→${leader}`,
  receivedTitle: (from: N, leader: N, zxid: string, epoch: string, round: string, state: string) =>
    `${from} votes for ${leader}: zxid ${zxid}, epoch ${epoch}, round ${round}, ${state}`,
  sameAsOurs: 'same as ours',
  outOfElection: 'outside the election',
  tally: (agree: string, quorum: string) => `${agree} agree · quorum ${quorum}`,
  tallyShort: (agree: string, quorum: string) => `${agree}/${quorum}`,
  noVotes: '—',
  voteOrder: 'Order: higher epoch, then newer zxid, then higher sid wins.',

  // Comparisons, built from the frame's notes ("0x200000003 > 0x200000001 → adopt n2")
  cmp: {
    adoptEpoch: (theirs: string, ours: string, leader: N) => `epoch ${theirs} > ${ours} → adopt ${leader}`,
    adoptZxid: (theirs: string, ours: string, leader: N) => `${theirs} > ${ours} → adopt ${leader}`,
    adoptSid: (theirs: string, ours: string, leader: N) => `same zxid, sid ${theirs} > ${ours} → adopt ${leader}`,
    keepEpoch: (theirs: string, ours: string) => `epoch ${theirs} < ${ours} → keep our vote`,
    keepZxid: (theirs: string, ours: string) => `${theirs} < ${ours} → keep our vote`,
    keepSid: (theirs: string, ours: string) => `same zxid, sid ${theirs} < ${ours} → keep our vote`,
    keepSame: (leader: N) => `same vote (${leader}) → recorded`,
    lowerRound: (round: string, ours: string) => `round ${round} < ${ours} → answered with our vote`,
    roundAdopted: (round: string, old: string) => `round ${round} > ${old} → join it, votes forgotten`,
    quorum: (votes: string, needed: string, ms: string) => `${votes} ≥ ${needed} agree → wait ${ms} ms`,
    finalizeInterrupted: (leader: N) => `better vote (${leader}) during finalizeWait → go on`,
    finalizeDiscarded: (leader: N) => `not better (${leader}) during finalizeWait → dropped`,
    decidedLead: 'decided → LEADING',
    decidedFollow: (leader: N) => `decided → FOLLOWING ${leader}`,
    joined: (leader: N, epoch: string) => `joins ${leader}, epoch ${epoch}`,
    started: (round: string) => `new election, round ${round}`,
  },

  // The zxid ledger
  ledgerTitle: 'zxid ledger',
  ledgerCaption: 'Each server’s history of transactions by zxid, in epoch bands. Filled: committed on that server; hollow (dashed): proposed, not yet committed; struck out: removed by TRUNC or SNAP.',
  ledgerEpoch: (epoch: string) => `epoch ${epoch}`,
  ledgerCommitted: 'committed',
  ledgerProposed: 'proposed',
  ledgerTruncated: 'removed',
  ledgerEmpty: 'empty history',
  ledgerOlder: (count: string) => `+${count} older`,
  ledgerEntryTitle: (zxid: string, pair: string, value: string, state: string) => `${zxid} (epoch:counter ${pair})${value ? `: ${value}` : ''} · ${state}`,
  ledgerLast: (zxid: string) => `last ${zxid}`,
  ledgerSyncs: 'sync',

  // Inspector fields
  fieldState: 'state',
  fieldPhase: 'phase',
  fieldAcceptedEpoch: 'acceptedEpoch',
  fieldCurrentEpoch: 'currentEpoch',
  fieldLastZxid: 'last zxid',
  fieldCommitted: 'last committed',
  fieldRound: 'round (logicalclock)',
  fieldVote: 'vote',
  fieldLeader: 'leader',
  fieldLearners: 'followers',
  fieldWaiting: 'waiting for',
  voteValue: (leader: N, zxid: string, epoch: string) => `${leader}, zxid ${zxid}, epoch ${epoch}`,
  learnerStage: { connected: 'connected', 'epoch-acked': 'epoch acked', synced: 'synced', serving: 'serving' },
  learnerValue: (n: N, stage: string, sync: string, acked: string) => `${n}: ${stage}${sync ? `, ${sync}` : ''}, acked ${acked}`,
  waiting: { notification: 'notifications', finalize: 'finalizeWait', leader: 'the leader', quorum: 'a quorum' },
  timingNote: 'Timings default to ZooKeeper’s zoo_sample.cfg: tickTime 2000 ms, initLimit 10, syncLimit 5.',

  // Message kinds (kind codes in src/core/zab/types.ts ZabMsgKind)
  kinds: {
    1: 'notification',
    2: 'FOLLOWERINFO',
    3: 'LEADERINFO',
    4: 'ACKEPOCH',
    5: 'DIFF',
    6: 'TRUNC',
    7: 'SNAP',
    8: 'NEWLEADER',
    9: 'UPTODATE',
    10: 'PROPOSAL',
    11: 'ACK',
    12: 'COMMIT',
    13: 'PING',
    14: 'REQUEST',
    15: 'client request',
    16: 'client reply',
  } as Record<number, string>,
  /** Legend lines, by glyph name. */
  legend: {
    notification: 'notification: a vote (FLE)',
    followerinfo: 'FOLLOWERINFO (discovery)',
    leaderinfo: 'LEADERINFO: the new epoch',
    ackepoch: 'ACKEPOCH',
    diff: 'DIFF (sync)',
    trunc: 'TRUNC (sync)',
    snap: 'SNAP (sync)',
    newleader: 'NEWLEADER',
    uptodate: 'UPTODATE',
    proposal: 'PROPOSAL (epoch colour)',
    ack: 'ACK',
    commit: 'COMMIT',
    ping: 'PING',
    request: 'REQUEST: a forwarded write',
    'client-request': 'client request',
    'client-reply': 'reply to the client',
    leader: 'leading: thick ring and ★',
    notificationArc: 'arc: time before a LOOKING server sends its vote again',
    finalizeArc: 'arc: finalizeWait, the last wait for a better vote',
  } as Record<string, string>,

  // Event headlines (the rest are the shared narration's)
  timerElection: (n: N) => `${n}’s election timer fired`,
  timerTick: (n: N) => `${n}’s tick`,
  timerOther: (n: N) => `${n}’s timer fired`,
  initial: 'Initial state: every server is LOOKING',

  // Decisions (one per ZabNotes kind)
  notes: {
    electionStarted: (n: N, round: string, zxid: string, epoch: string) =>
      `${n} starts an election in round ${round}: it votes for itself (zxid ${zxid}, epoch ${epoch}) and sends its vote to every server`,
    roundAdopted: (n: N, from: N, round: string, old: string) =>
      `${n} sees round ${round} from ${from} (it was in round ${old}): it joins that round, forgets the votes it had received and compares again from its own vote`,
    lowerRoundAnswered: (n: N, from: N, round: string, ours: string) =>
      `${n} does not record ${from}’s vote of old round ${round} (ours is ${ours}): it answers ${from} with its current vote`,
    adoptByEpoch: (n: N, from: N, leader: N, theirs: string, ours: string) => `${n} adopts ${from}’s vote for ${leader}: its epoch ${theirs} is higher than ${ours}`,
    adoptByZxid: (n: N, from: N, leader: N, theirs: string, ours: string) => `${n} adopts ${from}’s vote for ${leader}: same epoch, and its zxid ${theirs} is newer than ${ours}`,
    adoptBySid: (n: N, from: N, leader: N, theirs: string, ours: string) => `${n} adopts ${from}’s vote for ${leader}: same epoch and zxid, and sid ${theirs} is higher than ${ours}`,
    keepByEpoch: (n: N, from: N, leader: N, theirs: string, ours: string) => `${n} keeps its vote: ${from}’s vote for ${leader} has an older epoch (${theirs} < ${ours})`,
    keepByZxid: (n: N, from: N, leader: N, theirs: string, ours: string) => `${n} keeps its vote: ${from}’s vote for ${leader} has an older zxid (${theirs} < ${ours})`,
    keepBySid: (n: N, from: N, leader: N, theirs: string, ours: string) => `${n} keeps its vote: ${from}’s vote for ${leader} has the same epoch and zxid but a lower sid (${theirs} < ${ours})`,
    keepSame: (n: N, from: N, leader: N) => `${n} records ${from}’s vote: it is the same as its own, for ${leader}`,
    quorumAgrees: (n: N, leader: N, votes: string, needed: string, ms: string) =>
      `${n}: ${votes} servers vote for ${leader} as it does (a quorum is ${needed}); it waits ${ms} ms (finalizeWait) for a better vote`,
    finalizeInterrupted: (n: N, from: N, leader: N) => `${n}: during finalizeWait ${from} sent a better vote (for ${leader}); the election goes on`,
    decidedLead: (n: N, votes: string, round: string) => `${n} is elected in round ${round} (${votes} votes): it becomes LEADING and starts discovery`,
    decidedFollow: (n: N, leader: N, votes: string, round: string) => `${n} decides in round ${round} (${votes} votes) that ${leader} leads: it becomes FOLLOWING and starts discovery`,
    joinedEnsemble: (n: N, leader: N, epoch: string, votes: string) =>
      `${n} joins the running ensemble: ${votes} servers follow ${leader} in epoch ${epoch}, and ${leader} says it is LEADING`,
    notificationsResent: (n: N, ms: string) => `${n} heard no notification: it sends its vote again and will wait ${ms} ms next time (doubling, capped)`,
    followerInfoSent: (n: N, leader: N, accepted: string, zxid: string) => `${n} connects to ${leader}: FOLLOWERINFO with acceptedEpoch ${accepted} and last zxid ${zxid} (discovery)`,
    epochProposed: (n: N, epoch: string, max: string, followers: string) =>
      `${n} has a quorum connected (${followers} ${followers === '1' ? 'follower' : 'followers'} and itself): it proposes epoch ${epoch}, the highest acceptedEpoch (${max}) + 1, in LEADERINFO`,
    epochAccepted: (n: N, leader: N, epoch: string, current: string) => `${n} accepts epoch ${epoch} from ${leader} (acceptedEpoch persisted) and answers ACKEPOCH with currentEpoch ${current}`,
    epochRefused: (n: N, leader: N, epoch: string, accepted: string) => `${n} refuses epoch ${epoch} from ${leader}: it already accepted epoch ${accepted}; it disconnects and goes LOOKING`,
    ackEpochCounted: (n: N, from: N, current: string, zxid: string, acks: string) => `${n} counts ${from}’s ACKEPOCH (currentEpoch ${current}, last zxid ${zxid}): ${acks} epoch acks`,
    ackEpochSameEpoch: (n: N, from: N, epoch: string) => `${n} does not count ${from}’s ACKEPOCH as an epoch ack: ${from} had already accepted epoch ${epoch}, so it sent currentEpoch −1`,
    followerAhead: (n: N, from: N, theirs: string, ours: string, epoch: string) =>
      `${n} refuses ${from}: it is ahead of the leader (epoch ${epoch}, zxid ${theirs} against ${ours}); the connection is dropped`,
    epochEstablished: (n: N, epoch: string, acks: string) => `${n} has epoch acks from a quorum (${acks}): epoch ${epoch} becomes its currentEpoch; synchronization starts`,
    syncEmptyDiff: (n: N, to: N, zxid: string) => `${n} syncs ${to} with an empty DIFF: both histories end at ${zxid}`,
    syncDiff: (n: N, to: N, from: string, count: string, last: string) =>
      `${n} syncs ${to} by DIFF: the ${count} ${count === '1' ? 'transaction' : 'transactions'} after ${from} up to ${last}, each as a PROPOSAL and a COMMIT`,
    syncTrunc: (n: N, to: N, zxid: string, theirs: string, count: string) =>
      `${n} syncs ${to} by TRUNC: ${to}’s history ends at ${theirs}, which ${n} did not commit; ${to} truncates to ${zxid}${count === '0' ? '' : `, then gets ${count} PROPOSAL/COMMIT ${count === '1' ? 'pair' : 'pairs'}`}`,
    syncSnap: (n: N, to: N, zxid: string, theirs: string, count: string) =>
      `${n} syncs ${to} by SNAP: its history (ending at ${theirs}) cannot be repaired by DIFF or TRUNC, so it gets the ${count} committed transactions up to ${zxid}`,
    truncated: (n: N, zxid: string, removed: string) => `${n} truncates its history after ${zxid}: ${removed} ${removed === '1' ? 'entry' : 'entries'} removed`,
    snapLoaded: (n: N, zxid: string, count: string) => `${n} loads the snapshot: ${count} transactions up to ${zxid} replace its history`,
    newLeaderAcked: (n: N, leader: N, epoch: string) => `${n} gets NEWLEADER from ${leader}: it persists currentEpoch ${epoch} and ACKs`,
    newLeaderAckCounted: (n: N, from: N, acks: string, needed: string) => `${n} counts ${from}’s ACK of NEWLEADER: ${acks} ${acks === '1' ? 'ACK' : 'ACKs'}, a quorum is ${needed}`,
    leaderEstablished: (n: N, epoch: string, acks: string) =>
      `${n} is the established leader of epoch ${epoch} (${acks} NEWLEADER ACKs, itself included): it sends UPTODATE; broadcast starts`,
    upToDate: (n: N, leader: N, epoch: string) => `${n} gets UPTODATE from ${leader}: in sync for epoch ${epoch}, it serves (broadcast)`,
    proposed: (n: N, zxid: string, client: N, request: string) => `${n} proposes ${zxid} for ${client}’s request ${request}: a PROPOSAL to every follower`,
    logged: (n: N, zxid: string) => `${n} logs PROPOSAL ${zxid} and ACKs it`,
    ackCounted: (n: N, from: N, zxid: string, acks: string, needed: string) => `${n} counts ${from}’s ACK of ${zxid}: ${acks} ${acks === '1' ? 'ACK' : 'ACKs'} (itself included), a quorum is ${needed}`,
    committed: (n: N, zxid: string, acks: string) => `${n} commits ${zxid} (${acks} ACKs, a quorum) and sends COMMIT`,
    delivered: (n: N, zxid: string) => `${n} gets COMMIT ${zxid}: delivered`,
    forwarded: (n: N, client: N, request: string, leader: N) => `${n} forwards ${client}’s write (request ${request}) to its leader ${leader}`,
    clientRefused: (n: N, client: N, request: string) => `${n} refuses ${client}’s write (request ${request}): no leader is serving`,
    leaderSilent: (n: N, leader: N, silent: string, limit: string) => `${n} heard nothing from leader ${leader} for ${silent} ms (the limit is ${limit} ms): it goes LOOKING`,
    quorumLost: (n: N, heard: string, needed: string, limit: string) => `${n} heard from only ${heard} synced servers within ${limit} ms (a quorum is ${needed}): it stops leading`,
    followerDropped: (n: N, follower: N, silent: string) => `${n} drops follower ${follower}: silent or not ACKing for ${silent} ms`,
    connectionClosedLeader: (n: N, peer: N) => `${n}’s connection to its leader ${peer} closed (the process died): noticed at once`,
    connectionClosed: (n: N, peer: N) => `${n}’s connection to ${peer} closed (the process died)`,
    backToLooking: (n: N, epoch: string) => `${n} goes back to LOOKING (its epoch was ${epoch}) to elect a leader`,
    sameVoteReceived: (n: N, from: N, leader: N, zxid: string, round: string) => `${n} records ${from}’s vote for ${leader} (zxid ${zxid}, round ${round}): the same as its own, nothing changes`,
    finalizeDiscarded: (n: N, from: N, leader: N, zxid: string, epoch: string) =>
      `${n} is in finalizeWait: ${from}’s vote for ${leader} (zxid ${zxid}, epoch ${epoch}) is not better, so it is dropped unrecorded`,
    proposalOutOfOrder: (n: N, zxid: string, last: string) => `${n} got PROPOSAL ${zxid}, which does not follow its last zxid ${last} (only a reordering network does this): it goes LOOKING to resync`,
    commitUnknown: (n: N, zxid: string, last: string) => `${n} got COMMIT ${zxid}, a zxid it does not hold (its last is ${last}; only a reordering network does this): it goes LOOKING to resync`,
    phaseEntered: (n: N, phase: string, epoch: string) => `${n} enters ${phase}${epoch === '0' ? '' : ` (epoch ${epoch})`}`,
    pinged: (n: N, zxid: string, learners: string) => `${n} PINGs its ${learners} ${learners === '1' ? 'follower' : 'followers'} (last zxid ${zxid})`,
    pingAnswered: (n: N, leader: N, zxid: string) => `${n} answers ${leader}’s PING (its last zxid ${zxid})`,
    ignored: (n: N, from: N, kind: string) => `${n} ignores ${kind} from ${from}: it does not belong to its current state`,
    restarted: (n: N, zxid: string, accepted: string, current: string) =>
      `${n} restarted with its logged history (last zxid ${zxid}), acceptedEpoch ${accepted} and currentEpoch ${current}: it starts LOOKING`,
    clientSucceeded: (c: N, req: string, zxid: string, server: N) => `${c}’s request ${req} succeeded: ${server} committed it as ${zxid}`,
    unknown: (code: string) => `decision ${code}`,
  },

  /** The invariants ZAB's checkers name (Violation.invariant, English in the data). */
  invariants: {
    'Total Order': 'Total Order',
    'Leader Uniqueness': 'Leader Uniqueness',
    'Leader Completeness': 'Leader Completeness',
  } as Record<string, string>,
  /** Why an invariant broke, by Violation.why.code (src/core/zab/checkers.ts). Values arrive formatted: zxids 0x…, client values quoted. */
  violations: {
    secondLeaderOfEpoch: (n: N, epoch: string, other: N) => `${n} became the established leader of epoch ${epoch}, which ${other} already leads`,
    deliveredDifferentTxn: (n: N, position: string, zxid: string, value: string, committedZxid: string, committedValue: string) =>
      `${n} delivered ${zxid} ${value} as transaction ${position}, where ${committedZxid} ${committedValue} was delivered before`,
    deliveredOutOfOrder: (n: N, position: string, zxid: string, previous: string) => `${n} delivered ${zxid} as transaction ${position}, after ${previous}: zxids must increase`,
    leaderLacksCommittedTxn: (n: N, epoch: string, zxid: string, value: string) => `${n} became the leader of epoch ${epoch} without the committed transaction ${zxid} ${value}`,
    deliveredTakenBack: (n: N, before: string, after: string) => `${n} took back delivered transactions: it had delivered ${before}, now ${after}`,
  } as Record<string, (...args: string[]) => string>,

  switches: {} as Record<string, { name: string; help: string }>,
  bugHelp: {
    ignoreZxidInElection: 'Compare votes by epoch and sid only: a server with an older history can win the election',
    commitWithoutQuorum: 'The leader commits a proposal on its own ACK, without waiting for a quorum',
    expireWithoutLog: 'A follower expires an idle session on its own, deleting its ephemeral nodes in its own tree only, instead of the leader through the log',
    watchFiresTwice: 'A fired watch stays registered on the server, so the next change fires it again',
  } as Record<string, string>,

  simplifications: [
    'Every server is a voter: no observers, weights or hierarchical quorums, and no dynamic reconfiguration; a quorum is a majority of all servers.',
    'No snapshots on disk: SNAP sends the committed history itself, and a restarted server replays its whole logged history.',
    'Requests are opaque values (no znodes, sessions or watches in this view); a retried write is not recognised as a duplicate.',
    'Links are FIFO, as ZooKeeper’s TCP connections are; ZAB is only required to be safe under FIFO. Reordering and duplication are faults a scenario can switch on.',
    'FLE and ZAB share the simulated links, and any server may notify any other (ZooKeeper uses a separate election port and QuorumCnxManager’s connection rules); a connection closes only when the process at its end dies.',
    'A follower ahead of the new leader is simply no longer answered and notices by its own timeout (ZooKeeper closes the socket); each wait of discovery and synchronization gets initLimit ticks from the start of its phase.',
    'Timings default to zoo_sample.cfg (tickTime 2000 ms, initLimit 10, syncLimit 5); lessons may scale them down and say so.',
    'One COMMIT per zxid and no batching; writing to disk takes no time.',
  ],
};

export type ZabDict = typeof zabEn;

export const zabZh: ZabDict = {
  roles: { looking: '选举中', following: '跟随中', leading: '领导中', down: '宕机' },
  states: { looking: '选举中 LOOKING', following: '跟随中 FOLLOWING', leading: '领导中 LEADING', down: '宕机' },
  phases: { election: '选举', discovery: '发现', synchronization: '同步', broadcast: '广播' },
  phasesShort: { election: '选举', discovery: '发现', synchronization: '同步', broadcast: '广播' },
  eraShort: (epoch) => `纪元 ${epoch}`,
  nodeName: (id, role, epoch, phase) => `节点 ${id}，${role}，纪元 ${epoch}${phase ? `，${phase}` : ''}`,
  nodeDownName: (id, epoch) => `节点 ${id}，宕机，纪元 ${epoch}`,
  leaderAnnounce: (n, epoch) => `${n} 现在是纪元 ${epoch} 的领导者`,
  noLeaderAnnounce: '没有领导者',
  markTitles: {
    leader: (n, epoch) => `${n} 成为纪元 ${epoch} 的正式领导者`,
    commit: (n, counter) => `${n} 提交了本纪元的第 ${counter} 个事务`,
    phase: (n, code) => `${n} 进入${(['', '发现', '同步', '广播'] as const)[Number(code)] ?? '新'}阶段`,
  },

  logTab: '选票与 zxid',

  voteTitle: '选票（Fast Leader Election）',
  voteCaption: '每台服务器的状态、选举轮次、当前选票和本轮收到的选票；最后一列说明刚到达的通知做出了什么决定。',
  colServer: '服务器',
  colState: '状态',
  colRound: '轮次',
  colVote: '当前选票',
  colVoteSid: '投给',
  colVoteZxid: 'zxid',
  colVoteEpoch: '纪元',
  colReceived: '收到的选票',
  decidedBy: (n) => `${n} 在本帧的决定`,
  receivedVote: (from, leader) => `${from}→${leader}`,
  receivedTitle: (from, leader, zxid, epoch, round, state) => `${from} 投给 ${leader}：zxid ${zxid}，纪元 ${epoch}，轮次 ${round}，${state}`,
  sameAsOurs: '与本方相同',
  outOfElection: '选举之外',
  tally: (agree, quorum) => `${agree} 票一致 · 法定人数 ${quorum}`,
  tallyShort: (agree, quorum) => `${agree}/${quorum} 票`,
  noVotes: '—',
  voteOrder: '比较顺序：纪元大者胜，其次 zxid 新者胜，再次 sid 大者胜。',

  cmp: {
    adoptEpoch: (theirs, ours, leader) => `纪元 ${theirs} > ${ours} → 采纳 ${leader}`,
    adoptZxid: (theirs, ours, leader) => `${theirs} > ${ours} → 采纳 ${leader}`,
    adoptSid: (theirs, ours, leader) => `zxid 相同，sid ${theirs} > ${ours} → 采纳 ${leader}`,
    keepEpoch: (theirs, ours) => `纪元 ${theirs} < ${ours} → 保持原票`,
    keepZxid: (theirs, ours) => `${theirs} < ${ours} → 保持原票`,
    keepSid: (theirs, ours) => `zxid 相同，sid ${theirs} < ${ours} → 保持原票`,
    keepSame: (leader) => `选票相同（${leader}）→ 记录`,
    lowerRound: (round, ours) => `轮次 ${round} < ${ours} → 以本方选票回复`,
    roundAdopted: (round, old) => `轮次 ${round} > ${old} → 进入该轮，清空已收选票`,
    quorum: (votes, needed, ms) => `${votes} ≥ ${needed} 票一致 → 等待 ${ms} ms`,
    finalizeInterrupted: (leader) => `finalizeWait 期间出现更优选票（${leader}）→ 继续选举`,
    finalizeDiscarded: (leader) => `finalizeWait 期间的选票（${leader}）并不更优 → 丢弃`,
    decidedLead: '选举结束 → LEADING',
    decidedFollow: (leader) => `选举结束 → FOLLOWING ${leader}`,
    joined: (leader, epoch) => `加入 ${leader}，纪元 ${epoch}`,
    started: (round) => `新一轮选举，轮次 ${round}`,
  },

  ledgerTitle: 'zxid 账本',
  ledgerCaption: '每台服务器按 zxid 排列的事务历史，按纪元分段。实心：该服务器已提交；空心（虚线）：已提议、尚未提交；删除线：被 TRUNC 或 SNAP 移除。',
  ledgerEpoch: (epoch) => `纪元 ${epoch}`,
  ledgerCommitted: '已提交',
  ledgerProposed: '已提议',
  ledgerTruncated: '已移除',
  ledgerEmpty: '历史为空',
  ledgerOlder: (count) => `更早 ${count} 条`,
  ledgerEntryTitle: (zxid, pair, value, state) => `${zxid}（纪元:计数 ${pair}）${value ? `：${value}` : ''} · ${state}`,
  ledgerLast: (zxid) => `最新 ${zxid}`,
  ledgerSyncs: '同步',

  fieldState: '状态',
  fieldPhase: '阶段',
  fieldAcceptedEpoch: 'acceptedEpoch',
  fieldCurrentEpoch: 'currentEpoch',
  fieldLastZxid: '最新 zxid',
  fieldCommitted: '最新已提交',
  fieldRound: '选举轮次（logicalclock）',
  fieldVote: '选票',
  fieldLeader: '领导者',
  fieldLearners: '跟随者',
  fieldWaiting: '等待',
  voteValue: (leader, zxid, epoch) => `${leader}，zxid ${zxid}，纪元 ${epoch}`,
  learnerStage: { connected: '已连接', 'epoch-acked': '已确认纪元', synced: '已同步', serving: '服务中' },
  learnerValue: (n, stage, sync, acked) => `${n}：${stage}${sync ? `，${sync}` : ''}，已确认 ${acked}`,
  waiting: { notification: '选票通知', finalize: 'finalizeWait', leader: '领导者', quorum: '法定人数' },
  timingNote: '时间参数默认取 ZooKeeper 的 zoo_sample.cfg：tickTime 2000 ms，initLimit 10，syncLimit 5。',

  kinds: {
    1: '选票通知',
    2: 'FOLLOWERINFO',
    3: 'LEADERINFO',
    4: 'ACKEPOCH',
    5: 'DIFF',
    6: 'TRUNC',
    7: 'SNAP',
    8: 'NEWLEADER',
    9: 'UPTODATE',
    10: 'PROPOSAL',
    11: 'ACK',
    12: 'COMMIT',
    13: 'PING',
    14: 'REQUEST',
    15: '客户端请求',
    16: '客户端回复',
  },
  legend: {
    notification: '选票通知（FLE）',
    followerinfo: 'FOLLOWERINFO（发现）',
    leaderinfo: 'LEADERINFO：新纪元',
    ackepoch: 'ACKEPOCH',
    diff: 'DIFF（同步）',
    trunc: 'TRUNC（同步）',
    snap: 'SNAP（同步）',
    newleader: 'NEWLEADER',
    uptodate: 'UPTODATE',
    proposal: 'PROPOSAL（纪元颜色）',
    ack: 'ACK',
    commit: 'COMMIT',
    ping: 'PING',
    request: 'REQUEST：转发的写请求',
    'client-request': '客户端请求',
    'client-reply': '给客户端的回复',
    leader: '领导中：粗边框和 ★',
    notificationArc: '圆弧：选举中的服务器再次发送选票前的剩余时间',
    finalizeArc: '圆弧：finalizeWait，等待更优选票的最后时间',
  },

  timerElection: (n) => `${n} 的选举定时器到期`,
  timerTick: (n) => `${n} 的 tick`,
  timerOther: (n) => `${n} 的定时器到期`,
  initial: '初始状态：每台服务器都处于选举中（LOOKING）',

  notes: {
    electionStarted: (n, round, zxid, epoch) => `${n} 开始第 ${round} 轮选举：投票给自己（zxid ${zxid}，纪元 ${epoch}），并把选票发给每台服务器`,
    roundAdopted: (n, from, round, old) => `${n} 收到 ${from} 的第 ${round} 轮选票（自己在第 ${old} 轮）：进入该轮，清空已收选票，从自己的初始选票重新比较`,
    lowerRoundAnswered: (n, from, round, ours) => `${n} 不记录 ${from} 旧轮次 ${round} 的选票（本方为 ${ours}）：以当前选票回复 ${from}`,
    adoptByEpoch: (n, from, leader, theirs, ours) => `${n} 采纳 ${from} 投给 ${leader} 的选票：其纪元 ${theirs} 高于 ${ours}`,
    adoptByZxid: (n, from, leader, theirs, ours) => `${n} 采纳 ${from} 投给 ${leader} 的选票：纪元相同，其 zxid ${theirs} 比 ${ours} 新`,
    adoptBySid: (n, from, leader, theirs, ours) => `${n} 采纳 ${from} 投给 ${leader} 的选票：纪元和 zxid 相同，sid ${theirs} 大于 ${ours}`,
    keepByEpoch: (n, from, leader, theirs, ours) => `${n} 保持原票：${from} 投给 ${leader} 的选票纪元较旧（${theirs} < ${ours}）`,
    keepByZxid: (n, from, leader, theirs, ours) => `${n} 保持原票：${from} 投给 ${leader} 的选票 zxid 较旧（${theirs} < ${ours}）`,
    keepBySid: (n, from, leader, theirs, ours) => `${n} 保持原票：${from} 投给 ${leader} 的选票纪元和 zxid 相同，但 sid 较小（${theirs} < ${ours}）`,
    keepSame: (n, from, leader) => `${n} 记录 ${from} 的选票：与自己的相同，都投给 ${leader}`,
    quorumAgrees: (n, leader, votes, needed, ms) => `${n}：${votes} 台服务器与自己一样投给 ${leader}（法定人数为 ${needed}）；再等待 ${ms} ms（finalizeWait）看是否有更优选票`,
    finalizeInterrupted: (n, from, leader) => `${n}：finalizeWait 期间 ${from} 发来更优的选票（投给 ${leader}），选举继续`,
    decidedLead: (n, votes, round) => `${n} 在第 ${round} 轮当选（${votes} 票）：进入 LEADING，开始发现阶段`,
    decidedFollow: (n, leader, votes, round) => `${n} 在第 ${round} 轮（${votes} 票）认定 ${leader} 为领导者：进入 FOLLOWING，开始发现阶段`,
    joinedEnsemble: (n, leader, epoch, votes) => `${n} 加入正在运行的集群：${votes} 台服务器在纪元 ${epoch} 跟随 ${leader}，且 ${leader} 自称 LEADING`,
    notificationsResent: (n, ms) => `${n} 没有收到选票通知：重发自己的选票，下次等待 ${ms} ms（翻倍，有上限）`,
    followerInfoSent: (n, leader, accepted, zxid) => `${n} 连接 ${leader}：发送 FOLLOWERINFO，acceptedEpoch ${accepted}，最新 zxid ${zxid}（发现阶段）`,
    epochProposed: (n, epoch, max, followers) => `${n} 已有法定人数连接（${followers} 个跟随者加上自己）：在 LEADERINFO 中提议纪元 ${epoch}，即最大 acceptedEpoch（${max}）+ 1`,
    epochAccepted: (n, leader, epoch, current) => `${n} 接受 ${leader} 的纪元 ${epoch}（已持久化 acceptedEpoch），回复 ACKEPOCH，currentEpoch 为 ${current}`,
    epochRefused: (n, leader, epoch, accepted) => `${n} 拒绝 ${leader} 的纪元 ${epoch}：它已接受纪元 ${accepted}；断开连接，回到选举中（LOOKING）`,
    ackEpochCounted: (n, from, current, zxid, acks) => `${n} 计入 ${from} 的 ACKEPOCH（currentEpoch ${current}，最新 zxid ${zxid}）：已有 ${acks} 个纪元确认`,
    ackEpochSameEpoch: (n, from, epoch) => `${n} 不把 ${from} 的 ACKEPOCH 计为纪元确认：${from} 早已接受纪元 ${epoch}，因此发来的 currentEpoch 为 −1`,
    followerAhead: (n, from, theirs, ours, epoch) => `${n} 拒绝 ${from}：它比领导者更新（纪元 ${epoch}，zxid ${theirs}，领导者为 ${ours}）；连接被断开`,
    epochEstablished: (n, epoch, acks) => `${n} 收到法定人数的纪元确认（${acks}）：纪元 ${epoch} 成为其 currentEpoch；开始同步阶段`,
    syncEmptyDiff: (n, to, zxid) => `${n} 用空 DIFF 同步 ${to}：双方历史都止于 ${zxid}`,
    syncDiff: (n, to, from, count, last) => `${n} 用 DIFF 同步 ${to}：${from} 之后直到 ${last} 的 ${count} 个事务，每个以一对 PROPOSAL 和 COMMIT 发送`,
    syncTrunc: (n, to, zxid, theirs, count) => `${n} 用 TRUNC 同步 ${to}：${to} 的历史止于 ${theirs}，${n} 并未提交它；${to} 截断到 ${zxid}${count === '0' ? '' : `，再接收 ${count} 对 PROPOSAL/COMMIT`}`,
    syncSnap: (n, to, zxid, theirs, count) => `${n} 用 SNAP 同步 ${to}：其历史（止于 ${theirs}）无法用 DIFF 或 TRUNC 修复，于是收到直到 ${zxid} 的 ${count} 个已提交事务`,
    truncated: (n, zxid, removed) => `${n} 截断 ${zxid} 之后的历史：移除 ${removed} 条`,
    snapLoaded: (n, zxid, count) => `${n} 载入快照：直到 ${zxid} 的 ${count} 个事务替换了它的历史`,
    newLeaderAcked: (n, leader, epoch) => `${n} 收到 ${leader} 的 NEWLEADER：持久化 currentEpoch ${epoch} 并回复 ACK`,
    newLeaderAckCounted: (n, from, acks, needed) => `${n} 计入 ${from} 对 NEWLEADER 的 ACK：已有 ${acks} 个，法定人数为 ${needed}`,
    leaderEstablished: (n, epoch, acks) => `${n} 成为纪元 ${epoch} 的正式领导者（${acks} 个 NEWLEADER ACK，含自己）：发送 UPTODATE，进入广播阶段`,
    upToDate: (n, leader, epoch) => `${n} 收到 ${leader} 的 UPTODATE：纪元 ${epoch} 同步完成，开始服务（广播阶段）`,
    proposed: (n, zxid, client, request) => `${n} 为 ${client} 的请求 ${request} 提议 ${zxid}：向每个跟随者发送 PROPOSAL`,
    logged: (n, zxid) => `${n} 记录 PROPOSAL ${zxid} 并回复 ACK`,
    ackCounted: (n, from, zxid, acks, needed) => `${n} 计入 ${from} 对 ${zxid} 的 ACK：已有 ${acks} 个（含自己），法定人数为 ${needed}`,
    committed: (n, zxid, acks) => `${n} 提交 ${zxid}（${acks} 个 ACK，达到法定人数）并发送 COMMIT`,
    delivered: (n, zxid) => `${n} 收到 COMMIT ${zxid}：已交付`,
    forwarded: (n, client, request, leader) => `${n} 把 ${client} 的写请求（请求 ${request}）转发给领导者 ${leader}`,
    clientRefused: (n, client, request) => `${n} 拒绝 ${client} 的写请求（请求 ${request}）：没有正在服务的领导者`,
    leaderSilent: (n, leader, silent, limit) => `${n} 已 ${silent} ms 没有收到领导者 ${leader} 的消息（上限 ${limit} ms）：回到选举中（LOOKING）`,
    quorumLost: (n, heard, needed, limit) => `${n} 在 ${limit} ms 内只收到 ${heard} 台已同步服务器的消息（法定人数为 ${needed}）：不再担任领导者`,
    followerDropped: (n, follower, silent) => `${n} 断开跟随者 ${follower}：它已 ${silent} ms 无消息或未回复 ACK`,
    connectionClosedLeader: (n, peer) => `${n} 与领导者 ${peer} 的连接关闭（进程已宕机）：立即察觉`,
    connectionClosed: (n, peer) => `${n} 与 ${peer} 的连接关闭（进程已宕机）`,
    backToLooking: (n, epoch) => `${n} 回到选举中（LOOKING，原纪元 ${epoch}），重新选举领导者`,
    sameVoteReceived: (n, from, leader, zxid, round) => `${n} 记录 ${from} 投给 ${leader} 的选票（zxid ${zxid}，轮次 ${round}）：与自己的相同，无变化`,
    finalizeDiscarded: (n, from, leader, zxid, epoch) => `${n} 正处于 finalizeWait：${from} 投给 ${leader} 的选票（zxid ${zxid}，纪元 ${epoch}）并不更优，直接丢弃，不记录`,
    proposalOutOfOrder: (n, zxid, last) => `${n} 收到的 PROPOSAL ${zxid} 没有接在其最新 zxid ${last} 之后（只有乱序网络才会如此）：回到选举中（LOOKING）重新同步`,
    commitUnknown: (n, zxid, last) => `${n} 收到 COMMIT ${zxid}，但并不持有该 zxid（其最新为 ${last}；只有乱序网络才会如此）：回到选举中（LOOKING）重新同步`,
    phaseEntered: (n, phase, epoch) => `${n} 进入${phase}阶段${epoch === '0' ? '' : `（纪元 ${epoch}）`}`,
    pinged: (n, zxid, learners) => `${n} 向 ${learners} 个跟随者发送 PING（最新 zxid ${zxid}）`,
    pingAnswered: (n, leader, zxid) => `${n} 回复 ${leader} 的 PING（其最新 zxid ${zxid}）`,
    ignored: (n, from, kind) => `${n} 忽略 ${from} 的 ${kind}：它与当前状态无关`,
    restarted: (n, zxid, accepted, current) => `${n} 带着已记录的历史重启（最新 zxid ${zxid}），acceptedEpoch ${accepted}，currentEpoch ${current}：从选举中（LOOKING）开始`,
    clientSucceeded: (c, req, zxid, server) => `${c} 的请求 ${req} 成功：${server} 已将其作为 ${zxid} 提交`,
    unknown: (code) => `决定 ${code}`,
  },

  invariants: {
    'Total Order': '全序（Total Order）',
    'Leader Uniqueness': '领导者唯一（Leader Uniqueness）',
    'Leader Completeness': '领导者完整性（Leader Completeness）',
  },
  violations: {
    secondLeaderOfEpoch: (n, epoch, other) => `${n} 成为纪元 ${epoch} 的正式领导者，而 ${other} 已经是该纪元的领导者`,
    deliveredDifferentTxn: (n, position, zxid, value, committedZxid, committedValue) => `${n} 把 ${zxid} ${value} 作为第 ${position} 个事务交付，而此前交付的是 ${committedZxid} ${committedValue}`,
    deliveredOutOfOrder: (n, position, zxid, previous) => `${n} 在 ${previous} 之后把 ${zxid} 作为第 ${position} 个事务交付：zxid 必须递增`,
    leaderLacksCommittedTxn: (n, epoch, zxid, value) => `${n} 成为纪元 ${epoch} 的领导者，却缺少已提交的事务 ${zxid} ${value}`,
    deliveredTakenBack: (n, before, after) => `${n} 收回了已交付的事务：它曾交付 ${before} 个，现在是 ${after} 个`,
  },

  switches: {},
  bugHelp: {
    ignoreZxidInElection: '比较选票时只看纪元和 sid：历史较旧的服务器也可能当选',
    commitWithoutQuorum: '领导者只凭自己的 ACK 就提交提议，不等法定人数',
    expireWithoutLog: '跟随者自行让空闲会话过期，只在自己的树里删除它的临时节点，而不是由领导者通过日志完成',
    watchFiresTwice: '触发过的监视仍留在服务器上，下一次变更会再次触发它',
  },

  simplifications: [
    '每台服务器都参与投票：没有观察者、权重或分层法定人数，也没有动态重配置；法定人数是全部服务器的多数派。',
    '磁盘上没有快照：SNAP 直接发送已提交的历史，重启的服务器重放其全部已记录的历史。',
    '请求是不透明的值（此视图中没有 znode、会话和监听）；重试的写请求不会被识别为重复。',
    '链路是 FIFO 的，如同 ZooKeeper 的 TCP 连接；ZAB 只要求在 FIFO 下安全。乱序和重复是场景可以打开的故障。',
    'FLE 与 ZAB 共用模拟链路，任何服务器都可以直接通知其他服务器（ZooKeeper 使用单独的选举端口和 QuorumCnxManager 的连接规则）；只有一端进程宕机时连接才会关闭。',
    '比新领导者更新的跟随者只是不再得到回复，靠自己的超时察觉（ZooKeeper 会关闭连接）；发现和同步阶段的每次等待都从该阶段开始时计 initLimit 个 tick。',
    '时间参数默认取 zoo_sample.cfg（tickTime 2000 ms，initLimit 10，syncLimit 5）；课程可以把它们调小并加以说明。',
    '每个 zxid 一条 COMMIT，不做批处理；写磁盘不耗时。',
  ],
};

const ZAB_DICTS: Record<Lang, ZabDict> = { en: zabEn, zh: zabZh };

/** ZAB's dictionary in a language. */
export function zabDict(lang: Lang): ZabDict {
  return ZAB_DICTS[lang];
}

/** Both, for the completeness test. */
export const allZabDicts = ZAB_DICTS;

/**
 * The language a shared dictionary is in: ProtocolView's hooks get the shared `Dict`, and
 * ZAB's own strings must follow it.
 */
export function langOf(t: Dict): Lang {
  return t === dict('zh') ? 'zh' : 'en';
}
