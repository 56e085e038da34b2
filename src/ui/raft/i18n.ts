/**
 * Raft's dictionary, in English and Chinese: roles, the legend, its timeline marks, the
 * settings' switches, bugs and simplifications, node fields, the log panel, invariants and
 * violations, and the narration of every decision. The English one's shape is the type the
 * Chinese one must match. The shared dictionary (src/ui/i18n) keeps what every protocol uses.
 * Terms follow GLOSSARY.md; protocol and message names stay in English (AppendEntries).
 */
import type { Lang } from '../i18n';
import type { ProtocolDict } from '../views/types';

/** A node as written in sentences: "n3". */
type N = string;

const en = {
  // What the shared components read (ProtocolDict)
  roles: {
    leader: 'leader',
    follower: 'follower',
    candidate: 'candidate',
    precandidate: 'pre-candidate',
    down: 'down',
  },
  eraShort: (term: string) => `term ${term}`,
  leaderAnnounce: (n: N, term: string) => `${n} is now the leader of term ${term}`,
  noLeaderAnnounce: 'No leader',
  legend: {
    heartbeat: 'heartbeat (empty AppendEntries)',
    requestVote: 'RequestVote (dashed: PreVote)',
    voteYes: 'vote granted ✓',
    voteNo: 'vote denied ✗',
    append: 'AppendEntries with entries (term colour, ×count)',
    appendYes: 'append accepted ✓',
    appendNo: 'append rejected ✗',
    clientRequest: 'client request',
    clientReply: 'reply to the client',
    leader: 'leader: thick ring and ★',
    timer: 'arc: time left before the election timeout',
    preVoteReply: 'PreVote answer (dashed outline)',
  },
  markTitles: {
    leader: (n: N, term: string) => `${n} became leader of term ${term}`,
    commit: (n: N, index: string) => `${n} committed up to index ${index}`,
  },
  /** Protocol switches offered in the settings, by config key (a protocol's view lists its keys). */
  switches: {
    preVote: { name: 'PreVote', help: 'etcd’s pre-election: ask for votes at term + 1 before disrupting anyone' },
    checkQuorum: { name: 'CheckQuorum', help: 'A leader that hears from no quorum steps down; followers with a live leader ignore votes' },
  } as Record<string, { name: string; help: string }>,
  bugHelp: {
    commitPreviousTermByCount: 'Commit an older term’s entry just because a majority holds it (Figure 8)',
    voteWithoutLogCheck: 'Grant votes without checking that the candidate’s log is up to date',
    doubleVote: 'Vote for more than one candidate in the same term',
    noTruncateOnConflict: 'Keep conflicting entries instead of deleting them',
  } as Record<string, string>,
  simplifications: [
    'commitIndex is volatile, as in the Raft paper: a restarted node starts at 0 (etcd persists it).',
    'No log compaction or snapshots, membership changes, leader transfer or ReadIndex.',
    'Clients are never partitioned from the server they pick; a retried request is appended again.',
    'The simulated network may reorder messages (etcd’s transport does not); the leader just probes again.',
    'Times are the paper’s (50 ms heartbeats, 150–300 ms elections, 10–30 ms latency), played slowly.',
    'Heartbeats are empty AppendEntries (etcd’s MsgHeartbeat carries no entries, only the commit index).',
    'A follower tells a client to try the leader instead of forwarding the request to it.',
    'A candidate’s vote for itself and a leader’s own acknowledgement count at once, before the state is persisted.',
  ],
  logTab: 'Log',

  // Raft’s own components
  nodeName: (id: string, role: string, term: string) => `Node ${id}, ${role}, term ${term}`,
  nodeDownName: (id: string, term: string) => `Node ${id}, down, term ${term}`,
  votes: (granted: string, quorum: string) => `${granted}/${quorum} votes`,
  preVotes: (granted: string, quorum: string) => `${granted}/${quorum} pre-votes`,
  logIndex: 'index',
  logCommit: 'commit',
  logNext: 'next',
  logMatch: 'match',
  logCellTitle: (index: string, term: string, value: string) => `index ${index}, term ${term}${value ? `: ${value}` : ''}`,
  logCommitted: 'committed',
  logNotCommitted: 'not committed yet',
  logLegend: 'Each cell is one log entry, coloured by its term (number inside). Solid: committed on that node; hollow (dashed): not yet; a bar follows the commit index. nextIndex / matchIndex: what the leader records for each follower.',
  logEmpty: 'empty',
  fieldRole: 'role',
  fieldTerm: 'term',
  fieldVotedFor: 'votedFor',
  fieldLeader: 'leader known',
  fieldCommit: 'commitIndex',
  fieldLastIndex: 'last log index',
  fieldVotes: 'votes received',
  fieldAlive: 'status',
  commitNote: 'As in the Raft paper, commitIndex is volatile: it restarts at 0 after a crash (etcd persists it).',
  /** The invariants the checkers name (Violation.invariant, always English in the data). */
  invariants: {
    'Election Safety': 'Election Safety',
    'Leader Append-Only': 'Leader Append-Only',
    'Log Matching': 'Log Matching',
    'Leader Completeness': 'Leader Completeness',
    'State Machine Safety': 'State Machine Safety',
  },
  /** Why an invariant broke, by Violation.why.code (src/core/raft/checkers.ts); values arrive quoted. */
  violations: {
    sameIndexAndTermDifferentEntry: (n: N, index: string, term: string, value: string, other: N, otherValue: string) =>
      `${n} holds ${value} at index ${index} (term ${term}), but ${other} held a different entry, ${otherValue}, there in the same term`,
    sameIndexAndTermDifferentHistory: (n: N, index: string, term: string, prevTerm: string, other: N, otherPrevTerm: string) =>
      `${n}’s entry at index ${index} (term ${term}) follows an entry of term ${prevTerm}, but on ${other} it follows one of term ${otherPrevTerm}: same index and term, different history`,
    committedDifferentEntry: (n: N, index: string, term: string, value: string, committedTerm: string, committedValue: string) =>
      `${n} committed ${value} (term ${term}) at index ${index}, where ${committedValue} (term ${committedTerm}) was already committed`,
    secondLeaderOfTerm: (n: N, term: string, other: N) => `${n} became leader of term ${term}, which ${other} already leads`,
    leaderLacksCommittedEntry: (n: N, term: string, index: string, entryTerm: string, value: string) =>
      `${n} became leader of term ${term} without the committed entry at index ${index} (term ${entryTerm}, ${value})`,
    leaderRewroteLog: (n: N, term: string, index: string) => `${n}, leader of term ${term}, rewrote its log from index ${index}`,
    removedCommittedEntries: (n: N, index: string, commit: string) => `${n} removed entries from index ${index} of its log, but had committed up to ${commit}`,
  },
  // Narration of Raft events (./narrate.ts chooses among these)
  narr: {
    kinds: {
      1: 'RequestVote',
      2: 'RequestVote reply',
      3: 'AppendEntries',
      4: 'AppendEntries reply',
      5: 'client request',
      6: 'client reply',
      7: 'PreVote',
      8: 'PreVote reply',
      9: 'heartbeat',
    },
    initial: 'Initial state: every node is a follower',

    startElection: (n: N, term: string) => `${n}’s election timeout fired: it becomes a candidate for term ${term} and votes for itself`,
    startPreVote: (n: N, term: string) => `${n}’s election timeout fired: it becomes a pre-candidate and asks for pre-votes at term ${term}`,
    becameLeader: (n: N, term: string, votes: string, quorum: string) => `${n} won the election: leader of term ${term} with ${votes} votes (a majority is ${quorum})`,
    adoptTerm: (n: N, term: string, old: string, from: N) => `${n} saw term ${term} from ${from} (it was at ${old}): adopts it and becomes a follower`,
    followLeader: (n: N, term: string, leader: N) => `${n} follows ${leader}, the leader of term ${term}`,
    voteGranted: (n: N, cand: N, term: string) => `${n} voted for ${cand} in term ${term}`,
    preVoteGranted: (n: N, cand: N, term: string) => `${n} granted ${cand} a pre-vote for term ${term}`,
    voteDeniedStaleTerm: (n: N, cand: N, its: string, ours: string) => `${n} denied ${cand}’s vote: its term ${its} is older than ours, ${ours}`,
    voteDeniedAlreadyVoted: (n: N, cand: N, term: string, votedFor: N) => `${n} denied ${cand}’s vote: it already voted for ${votedFor} in term ${term}`,
    voteDeniedLogTerm: (n: N, cand: N, its: string, ours: string) => `${n} denied ${cand}’s vote: its log ends at term ${its}, ours at term ${ours}`,
    voteDeniedLogIndex: (n: N, cand: N, its: string, ours: string) => `${n} denied ${cand}’s vote: same last term, but its log ends at index ${its}, ours at ${ours}`,
    voteDeniedKnowsLeader: (n: N, cand: N, term: string, leader: N) => `${n} denied ${cand}’s vote: it knows ${leader} leads term ${term}`,
    voteIgnoredLease: (n: N, cand: N, term: string, leader: N) => `${n} ignored ${cand}’s vote request: it heard from leader ${leader} (term ${term}) within the election timeout (CheckQuorum)`,
    voteCounted: (n: N, voter: N, granted: string, quorum: string) => `${n} counted ${voter}’s vote: ${granted} of the ${quorum} it needs`,
    voteRejectCounted: (n: N, voter: N, rejected: string, quorum: string) => `${n} was refused by ${voter}: ${rejected} ${rejected === '1' ? 'refusal' : 'refusals'} so far (${quorum} would end the election)`,
    electionLost: (n: N, term: string) => `${n} lost the election for term ${term}: a majority refused`,
    appendAccepted: (n: N, prev: string, added: string, last: string) => `${n} accepted AppendEntries after index ${prev}: ${added} new ${added === '1' ? 'entry' : 'entries'}, its log now ends at ${last}`,
    heartbeatAccepted: (n: N, prev: string) => `${n} accepted the heartbeat: its log matches the leader’s at index ${prev}`,
    appendRejectedStaleTerm: (n: N, from: N, its: string, ours: string) => `${n} rejected ${from}’s AppendEntries: its term ${its} is older than ours, ${ours}`,
    appendRejectedMissing: (n: N, from: N, prev: string, last: string) => `${n} rejected ${from}’s AppendEntries: it has no entry at prevIndex ${prev} (its log ends at ${last})`,
    appendRejectedTermMismatch: (n: N, prev: string, ours: string, expected: string) => `${n} rejected AppendEntries: its entry at index ${prev} has term ${ours}, the leader expected term ${expected}`,
    truncated: (n: N, from: string, count: string, term: string) => `${n} deleted ${count} conflicting ${count === '1' ? 'entry' : 'entries'} from index ${from} on (term ${term} there)`,
    commitAdvanced: (n: N, to: string, from: string) => `${n}’s commit index advanced from ${from} to ${to}`,
    commitBlockedOldTerm: (n: N, index: string, term: string, current: string) => `${n} does not commit index ${index}: it is on a majority, but from term ${term}, not the current term ${current} (Figure 8)`,
    matchAdvanced: (n: N, follower: N, match: string) => `${n} learns ${follower} matches its log up to index ${match} (matchIndex)`,
    nextIndexBackoff: (n: N, follower: N, next: string, prev: string) => `${follower} rejected prevIndex ${prev}: ${n} backs nextIndex off to ${next}`,
    clientAppended: (n: N, index: string, term: string) => `${n} appended the client’s value at index ${index} (term ${term})`,
    clientRedirected: (n: N, leader: N) => `${n} is not the leader: it tells the client to try ${leader}`,
    clientRedirectedUnknown: (n: N) => `${n} is not the leader and knows none: the client must try again`,
    checkQuorumStepDown: (n: N, active: string, quorum: string) => `${n} steps down: it heard from only ${active} nodes, a majority is ${quorum} (CheckQuorum)`,
    heartbeat: (n: N, term: string) => `${n} sends AppendEntries (heartbeats) to every follower (term ${term})`,
    ignoredStale: (n: N, from: N, its: string, ours: string) => `${n} ignored a message from ${from} of old term ${its} (ours is ${ours})`,
    preVoteWon: (n: N, granted: string, quorum: string) => `${n} won the pre-vote (${granted} of ${quorum}): it becomes a real candidate`,
    restarted: (n: N, term: string, votedFor: N, last: string) => `${n} restarted with its persistent state: term ${term}, voted for ${votedFor}, log up to index ${last}`,
    ignoredReply: (n: N, from: N, term: string) => `${n} ignored a reply from ${from} (term ${term}) that no longer matters`,
    appendReplyInStep: (n: N, follower: N, match: string) => `${follower} is in step with ${n} up to index ${match}: nothing new to commit`,
    appendIgnoredAsLeader: (n: N, from: N, term: string) => `${n} ignored AppendEntries from ${from}, another leader of its own term ${term} (possible only with a deliberate bug)`,
    unknownNote: (code: string) => `decision ${code}`,
    nobody: 'nobody',
  },
};

export type RaftDict = typeof en;

const zh: RaftDict = {
  // What the shared components read (ProtocolDict)
  roles: {
    leader: '领导者',
    follower: '跟随者',
    candidate: '候选人',
    precandidate: '预候选人',
    down: '宕机',
  },
  eraShort: (term: string) => `任期 ${term}`,
  leaderAnnounce: (n: N, term: string) => `${n} 成为任期 ${term} 的领导者`,
  noLeaderAnnounce: '没有领导者',
  legend: {
    heartbeat: '心跳（不带条目的 AppendEntries）',
    requestVote: 'RequestVote（虚线：PreVote）',
    voteYes: '同意投票 ✓',
    voteNo: '拒绝投票 ✗',
    append: '带条目的 AppendEntries（任期颜色，×条数）',
    appendYes: '追加成功 ✓',
    appendNo: '追加被拒绝 ✗',
    clientRequest: '客户端请求',
    clientReply: '给客户端的回复',
    leader: '领导者：粗外圈和 ★',
    timer: '圆弧：距离选举超时还剩的时间',
    preVoteReply: 'PreVote 的回复（虚线轮廓）',
  },
  markTitles: {
    leader: (n: N, term: string) => `${n} 成为任期 ${term} 的领导者`,
    commit: (n: N, index: string) => `${n} 提交到索引 ${index}`,
  },
  switches: {
    preVote: { name: 'PreVote（预投票）', help: 'etcd 的预选举：先以任期（term）+ 1 征求选票，不打扰其他节点' },
    checkQuorum: { name: 'CheckQuorum', help: '联系不到多数派的领导者主动下台；领导者仍存活时跟随者忽略投票请求' },
  },
  bugHelp: {
    commitPreviousTermByCount: '只因多数派持有就提交旧任期的条目（图 8）',
    voteWithoutLogCheck: '投票时不检查候选人的日志是否足够新',
    doubleVote: '同一任期内给多个候选人投票',
    noTruncateOnConflict: '发生冲突时保留冲突条目而不截断',
  },
  simplifications: [
    'commitIndex 是易失的，与 Raft 论文一致：重启后的节点从 0 开始（etcd 会持久化它）。',
    '没有日志压缩与快照、成员变更、领导权转移和 ReadIndex。',
    '客户端与它选择的服务器之间不会发生网络分区；重试的请求会被再次追加。',
    '模拟网络可能让消息乱序（etcd 的传输层不会）；领导者会重新探测。',
    '时间参数取自论文（心跳 50 ms，选举超时 150–300 ms，延迟 10–30 ms），并放慢播放。',
    '心跳是不带条目的 AppendEntries（etcd 的 MsgHeartbeat 不带条目，只带提交索引）。',
    '跟随者让客户端改找领导者，而不是把请求转发给领导者。',
    '候选人给自己的一票和领导者自己的确认立即计数，不等状态持久化。',
  ],
  logTab: '日志',

  // Raft’s own components
  nodeName: (id: string, role: string, term: string) => `节点 ${id}，${role}，任期 ${term}`,
  nodeDownName: (id: string, term: string) => `节点 ${id}，宕机，任期 ${term}`,
  votes: (granted: string, quorum: string) => `${granted}/${quorum} 票`,
  preVotes: (granted: string, quorum: string) => `${granted}/${quorum} 预投票`,
  logIndex: '索引',
  logCommit: '提交',
  logNext: '下一索引',
  logMatch: '匹配索引',
  logCellTitle: (index: string, term: string, value: string) => `索引 ${index}，任期 ${term}${value ? `：${value}` : ''}`,
  logCommitted: '已提交',
  logNotCommitted: '尚未提交',
  logLegend: '每个格子是一条日志条目，颜色和格内数字表示它的任期（term）。实心：该节点已提交；空心（虚线）：尚未提交；竖线标出提交索引。下一索引 / 匹配索引：领导者为每个跟随者记录的 nextIndex / matchIndex。',
  logEmpty: '空',
  fieldRole: '角色',
  fieldTerm: '任期（term）',
  fieldVotedFor: '投票给（votedFor）',
  fieldLeader: '已知领导者',
  fieldCommit: '提交索引（commitIndex）',
  fieldLastIndex: '最后日志索引',
  fieldVotes: '已获选票',
  fieldAlive: '状态',
  commitNote: '与 Raft 论文一致，commitIndex 是易失状态：宕机重启后从 0 开始（etcd 会持久化它）。',
  invariants: {
    'Election Safety': '选举安全性（Election Safety）',
    'Leader Append-Only': '领导者只追加（Leader Append-Only）',
    'Log Matching': '日志匹配（Log Matching）',
    'Leader Completeness': '领导者完整性（Leader Completeness）',
    'State Machine Safety': '状态机安全性（State Machine Safety）',
  },
  violations: {
    sameIndexAndTermDifferentEntry: (n: N, index: string, term: string, value: string, other: N, otherValue: string) =>
      `${n} 在索引 ${index} 处的条目是 ${value}（任期 ${term}），而 ${other} 在同一位置、同一任期的条目却是 ${otherValue}`,
    sameIndexAndTermDifferentHistory: (n: N, index: string, term: string, prevTerm: string, other: N, otherPrevTerm: string) =>
      `${n} 在索引 ${index} 处任期 ${term} 的条目前面是任期 ${prevTerm} 的条目，而在 ${other} 上前面是任期 ${otherPrevTerm} 的条目：索引和任期相同，历史却不同`,
    committedDifferentEntry: (n: N, index: string, term: string, value: string, committedTerm: string, committedValue: string) =>
      `${n} 在索引 ${index} 处提交了 ${value}（任期 ${term}），而该位置已经提交的是 ${committedValue}（任期 ${committedTerm}）`,
    secondLeaderOfTerm: (n: N, term: string, other: N) => `${n} 成为任期 ${term} 的领导者，但 ${other} 已经是这个任期的领导者`,
    leaderLacksCommittedEntry: (n: N, term: string, index: string, entryTerm: string, value: string) =>
      `${n} 成为任期 ${term} 的领导者，却没有索引 ${index} 处已提交的条目（任期 ${entryTerm}，${value}）`,
    leaderRewroteLog: (n: N, term: string, index: string) => `${n} 作为任期 ${term} 的领导者，从索引 ${index} 起改写了自己的日志`,
    removedCommittedEntries: (n: N, index: string, commit: string) => `${n} 从索引 ${index} 起删除了日志条目，但它已经提交到索引 ${commit}`,
  },
  // Narration of Raft events (./narrate.ts chooses among these)
  narr: {
    kinds: {
      1: 'RequestVote',
      2: 'RequestVote 回复',
      3: 'AppendEntries',
      4: 'AppendEntries 回复',
      5: '客户端请求',
      6: '客户端回复',
      7: 'PreVote',
      8: 'PreVote 回复',
      9: '心跳',
    },
    initial: '初始状态：所有节点都是跟随者',

    startElection: (n: N, term: string) => `${n} 选举超时：成为任期 ${term} 的候选人，并投票给自己`,
    startPreVote: (n: N, term: string) => `${n} 选举超时：成为预候选人，以任期 ${term} 征求预投票`,
    becameLeader: (n: N, term: string, votes: string, quorum: string) => `${n} 赢得选举：以 ${votes} 票（多数派为 ${quorum}）成为任期 ${term} 的领导者`,
    adoptTerm: (n: N, term: string, old: string, from: N) => `${n} 从 ${from} 得知任期 ${term}（原为 ${old}）：更新任期并成为跟随者`,
    followLeader: (n: N, term: string, leader: N) => `${n} 跟随任期 ${term} 的领导者 ${leader}`,
    voteGranted: (n: N, cand: N, term: string) => `${n} 在任期 ${term} 投票给 ${cand}`,
    preVoteGranted: (n: N, cand: N, term: string) => `${n} 同意 ${cand} 在任期 ${term} 的预投票`,
    voteDeniedStaleTerm: (n: N, cand: N, its: string, ours: string) => `${n} 拒绝投票给 ${cand}：其任期 ${its} 比本节点的 ${ours} 旧`,
    voteDeniedAlreadyVoted: (n: N, cand: N, term: string, votedFor: N) => `${n} 拒绝投票给 ${cand}：任期 ${term} 已投票给 ${votedFor}`,
    voteDeniedLogTerm: (n: N, cand: N, its: string, ours: string) => `${n} 拒绝投票给 ${cand}：其日志最后任期为 ${its}，本节点为 ${ours}`,
    voteDeniedLogIndex: (n: N, cand: N, its: string, ours: string) => `${n} 拒绝投票给 ${cand}：最后任期相同，但其日志只到索引 ${its}，本节点到 ${ours}`,
    voteDeniedKnowsLeader: (n: N, cand: N, term: string, leader: N) => `${n} 拒绝投票给 ${cand}：已知 ${leader} 是任期 ${term} 的领导者`,
    voteIgnoredLease: (n: N, cand: N, term: string, leader: N) => `${n} 忽略 ${cand} 的投票请求：选举超时内收到过领导者 ${leader}（任期 ${term}）的消息（CheckQuorum）`,
    voteCounted: (n: N, voter: N, granted: string, quorum: string) => `${n} 收到 ${voter} 的选票：已有 ${granted} 票，需要 ${quorum} 票`,
    voteRejectCounted: (n: N, voter: N, rejected: string, quorum: string) => `${n} 被 ${voter} 拒绝：目前 ${rejected} 个拒绝（${quorum} 个即落选）`,
    electionLost: (n: N, term: string) => `${n} 在任期 ${term} 的选举中落选：多数派拒绝`,
    appendAccepted: (n: N, prev: string, added: string, last: string) => `${n} 接受索引 ${prev} 之后的 AppendEntries：新增 ${added} 条条目，日志现在到索引 ${last}`,
    heartbeatAccepted: (n: N, prev: string) => `${n} 接受心跳：其日志在索引 ${prev} 处与领导者一致`,
    appendRejectedStaleTerm: (n: N, from: N, its: string, ours: string) => `${n} 拒绝 ${from} 的 AppendEntries：其任期 ${its} 比本节点的 ${ours} 旧`,
    appendRejectedMissing: (n: N, from: N, prev: string, last: string) => `${n} 拒绝 ${from} 的 AppendEntries：prevIndex ${prev} 处没有条目（日志只到 ${last}）`,
    appendRejectedTermMismatch: (n: N, prev: string, ours: string, expected: string) => `${n} 拒绝 AppendEntries：索引 ${prev} 处条目的任期为 ${ours}，领导者期望 ${expected}`,
    truncated: (n: N, from: string, count: string, term: string) => `${n} 从索引 ${from} 起截断 ${count} 条冲突条目（该处任期为 ${term}）`,
    commitAdvanced: (n: N, to: string, from: string) => `${n} 的提交索引从 ${from} 前进到 ${to}`,
    commitBlockedOldTerm: (n: N, index: string, term: string, current: string) => `${n} 不提交索引 ${index}：虽已复制到多数派，但它属于任期 ${term}，不是当前任期 ${current}（图 8）`,
    matchAdvanced: (n: N, follower: N, match: string) => `${n} 得知 ${follower} 的日志与自己一致到索引 ${match}（matchIndex）`,
    nextIndexBackoff: (n: N, follower: N, next: string, prev: string) => `${follower} 拒绝了 prevIndex ${prev}：${n} 把 nextIndex 回退到 ${next}`,
    clientAppended: (n: N, index: string, term: string) => `${n} 把客户端的值追加到索引 ${index}（任期 ${term}）`,
    clientRedirected: (n: N, leader: N) => `${n} 不是领导者：让客户端去找 ${leader}`,
    clientRedirectedUnknown: (n: N) => `${n} 不是领导者，也不知道谁是：客户端需要重试`,
    checkQuorumStepDown: (n: N, active: string, quorum: string) => `${n} 下台：只联系到 ${active} 个节点，多数派为 ${quorum}（CheckQuorum）`,
    heartbeat: (n: N, term: string) => `${n} 向所有跟随者发送 AppendEntries 心跳（任期 ${term}）`,
    ignoredStale: (n: N, from: N, its: string, ours: string) => `${n} 忽略 ${from} 的旧任期 ${its} 消息（本节点为 ${ours}）`,
    preVoteWon: (n: N, granted: string, quorum: string) => `${n} 赢得预投票（${granted}/${quorum}）：成为正式候选人`,
    restarted: (n: N, term: string, votedFor: N, last: string) => `${n} 带着持久化状态重启：任期 ${term}，投票给 ${votedFor}，日志到索引 ${last}`,
    ignoredReply: (n: N, from: N, term: string) => `${n} 忽略 ${from} 的过时回复（任期 ${term}）`,
    appendReplyInStep: (n: N, follower: N, match: string) => `${follower} 与 ${n} 的日志一致到索引 ${match}：没有新的可提交条目`,
    appendIgnoredAsLeader: (n: N, from: N, term: string) => `${n} 忽略 ${from} 的 AppendEntries：对方也是任期 ${term} 的领导者（只有故意引入的 bug 才会出现）`,
    unknownNote: (code: string) => `决定 ${code}`,
    nobody: '无人',
  },
};

const DICTS: Record<Lang, RaftDict> = { en, zh };

export function raftDict(lang: Lang): RaftDict {
  return DICTS[lang];
}

/** Both languages, for the completeness test. */
export const raftDicts = DICTS;

// Raft's dictionary is a ProtocolDict (what the shared components read): a compile-time check.
const asProtocolDict: ProtocolDict = en;
void asProtocolDict;
