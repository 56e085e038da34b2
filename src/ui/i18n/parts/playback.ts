/**
 * Strings of one area of the app (playback), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 */
import type { LessonName } from '../../../store/lessons';

type Stops = Record<LessonName, readonly string[]>;

export const playbackEn = {
  /** The notice after acting on a past frame (src/ui/transport/ForkNotice.tsx). */
  forkNoticeText: (frame: string, dropped: number) =>
    dropped === 0
      ? `History forked at frame ${frame}; the later frames were set aside.`
      : `History forked at frame ${frame}; ${dropped} later action${dropped === 1 ? '' : 's'} set aside.`,
  /** The button that restores the timeline from before the fork (named exactly so in tests and DESIGN.md). */
  forkUndo: 'Undo',
  forkTimelinesLabel: 'Other timelines',
  /** A button switching to another timeline: where it parts from this one, how many actions it has. */
  forkBranchButton: (frame: string, actions: number) => `Timeline forked at frame ${frame} (${actions} action${actions === 1 ? '' : 's'})`,
  forkHide: 'Hide',
  /**
   * Each lesson's stops, one sentence per entry of LESSON_META[name].stops (same order).
   */
  lessonStops: {
    'raft-election': [
      'n3’s election timer runs out first: it becomes a candidate for term 1, votes for itself and asks the others for their votes.',
      'n2’s timer runs out too: two candidates now ask for votes in the same term.',
      'n1, n4 and n5 vote for n3, the first to ask; n2 refuses n3, it has already voted for itself.',
      'Everyone else has refused n2: with a majority against it, n2 has lost the election.',
      'n3 counts the votes that arrive: 2 of the 3 it needs (its own and n4’s).',
      'n1’s vote makes 3 of 5, a majority: n3 is the leader of term 1.',
      'n3’s first heartbeat (an AppendEntries) has reached every follower: they all follow the leader of term 1.',
      'A majority holds n3’s first entry: n3 commits it (commit index 1).',
    ],
    'raft-leader-crash': [
      'n3’s election timer runs out first: it becomes a candidate for term 1 and asks for votes.',
      'n3 wins with 3 of 5 votes: it leads term 1 and sends heartbeats.',
      'A client sends x=1 to the leader, n3, which appends it to its log and replicates it.',
      'A majority has stored x=1: n3 commits it at index 2.',
      'The leader n3 crashes. The followers no longer hear heartbeats; their election timers run down.',
      'n4’s timer runs out first: it becomes a candidate for term 2.',
      'n4 has the votes of n1 and n5 besides its own, 3 of 5: it is the new leader, of term 2.',
      'A client sends y=2; n4 replicates it to the three followers that are up and commits it.',
      'n3 restarts with its persistent state: term 1, and a log that ends at index 2.',
      'n3 hears n4’s AppendEntries of term 2: it follows n4 and catches up with the entries it missed.',
    ],
    'raft-partition': [
      'n3 is the leader of term 1, elected by a majority of the five nodes.',
      'The network splits: {n3, n4} | {n1, n2, n5}. n3 is still the leader, but only n4 hears it.',
      'On the majority side n2 hears no leader: its timer runs out and it asks for votes in term 2.',
      'n2 wins with n1’s and n5’s votes: the majority side has a leader of term 2, while n3 still leads term 1 with only n4.',
      'A client sends lost=2 to n3. n3 appends it, but 2 of 5 nodes is no majority: it can never commit it.',
      'y=3 went to n2, which commits it at index 4 with n1 and n5: the majority side makes progress.',
      'The network heals: every link is up again.',
      'n3 sees term 2, steps down and follows n2; its uncommitted entry lost=2 is replaced by the leader’s.',
    ],
    'raft-figure7': [
      'The seven logs of the Raft paper’s Figure 7: n1 is the paper’s leader, n2–n7 are followers a–f, with missing, extra and conflicting entries.',
      'n7’s election timer runs out first: it asks for votes in term 4.',
      'Every node refused n7: its term is older than theirs, or its log is behind theirs.',
      'n1’s timer runs out: it asks for votes in term 8; its log ends at index 10, in term 6.',
      'n5 (its log ends in term 7) and n4 (its log is longer) refuse n1: their logs are more up to date.',
      'n1 has 4 of 7 votes, a majority: it is the leader of term 8.',
      'Where a follower’s log does not match at prevIndex it rejects AppendEntries, and n1 backs its nextIndex off.',
      'n7 and n6 delete their conflicting entries and take the leader’s in their place.',
      'n3, the furthest behind, has caught up: every log now matches the leader’s, up to index 11.',
    ],
    'raft-figure8': [
      'The Raft paper’s Figure 8: n1, n2 and n3 hold a term-2 entry at index 2 — a majority — but it was never committed; n5’s log ends in term 3.',
      'n5’s election timer runs out: it asks for votes in term 4.',
      'n5 wins with n2’s and n4’s votes: its log, ending in term 3, is the most up to date.',
      'The followers’ entries at index 2 (term 2) conflict with n5’s (term 3): they reject, and n5 backs nextIndex off.',
      'n1, n2 and n3 delete their term-2 entry and take n5’s: the entry a majority held is gone.',
      'A majority holds index 3, an entry of n5’s own term: n5 commits it, and the term-3 entry before it with it.',
    ],
    'raft-figure8-bug': [
      'The Figure 8 logs, with the bug commitPreviousTermByCount. n5, whose log ends in term 3, is down.',
      'n1’s election timer runs out: it asks for votes in term 4.',
      'n1 wins term 4 with n3’s and n2’s votes.',
      'With the bug, n1 commits the term-2 entry at index 2 just because a majority holds it. Real Raft does not.',
      'The network splits {n1, n2} | {n3, n4, n5}, and n5 restarts on the majority side.',
      'n5’s timer runs out: it asks for votes in term 7; its log, ending in term 3, looks more up to date.',
      'n5 wins and will overwrite index 2, which n1 had committed: Leader Completeness is violated.',
    ],
    'raft-rejoin-disrupts': [
      'n4 wins the first election: it leads term 1.',
      'n1 is cut off from the others: {n1} | {n2, n3, n4, n5}.',
      'n1 hears no leader: its timer runs out and it becomes a candidate for term 2, but nobody can answer.',
      'Alone, n1 has timed out again and again: it is at term 10, the others are still at term 1.',
      'The network heals: n1 can reach the others again.',
      'n1’s vote requests of term 10 reach the others: they adopt term 10, and the leader n4 steps down.',
      'n1 wins term 10: an election the working cluster never needed.',
    ],
    'raft-prevote': [
      'n4’s election timer runs out: with PreVote it first asks for pre-votes, without raising its term.',
      'n4 got its pre-votes, then the real votes: it leads term 1.',
      'n1 is cut off from the others: {n1} | {n2, n3, n4, n5}.',
      'n1 hears no leader and times out, but as a pre-candidate it only asks for pre-votes: nobody answers, and its term stays 1.',
      'After many timeouts n1 is still at term 1: without a majority of pre-votes it never raises its term.',
      'The network heals: n1 can reach the others again.',
      'n1 hears n4’s heartbeat and follows it: no election, and n4 keeps leading term 1.',
    ],
    'raft-split-vote': [
      'n1 and n3 time out at the same moment: two candidates for term 1, each voting for itself.',
      'Each got one more vote: 2 of 4, and 3 are needed. Both lost: nobody leads term 1.',
      'Timeouts are drawn afresh at random: n4 ran out first, asked alone in term 2 and won.',
    ],
  } as Stops,
};

export const playbackZh: typeof playbackEn = {
  forkNoticeText: (frame: string, dropped: number) =>
    dropped === 0 ? `历史已在第 ${frame} 帧分叉；之后的帧已搁置。` : `历史已在第 ${frame} 帧分叉；${dropped} 个后续操作已搁置。`,
  forkUndo: '撤销',
  forkTimelinesLabel: '其他时间线',
  forkBranchButton: (frame: string, actions: number) => `在第 ${frame} 帧分叉的时间线（${actions} 个操作）`,
  forkHide: '隐藏',
  lessonStops: {
    'raft-election': [
      'n3 的选举超时（election timeout）最先到期：它成为任期（term）1 的候选人，先投自己一票，再向其他节点请求投票。',
      'n2 的计时器也到期了：现在有两个候选人在同一任期里拉票。',
      'n1、n4 和 n5 把票投给最先来请求的 n3；n2 拒绝了 n3，因为它已经投给了自己。',
      '其余节点都拒绝了 n2：多数派反对，n2 输掉了这次选举。',
      'n3 清点陆续到达的选票：已有 2 票，需要 3 票（自己的和 n4 的）。',
      'n1 的一票凑成 5 票中的 3 票，即多数派：n3 成为任期 1 的领导者。',
      'n3 的第一个心跳（AppendEntries）已到达每个跟随者：它们都跟随任期 1 的领导者。',
      '多数派已保存 n3 的第一个日志条目：n3 提交它（提交索引为 1）。',
    ],
    'raft-leader-crash': [
      'n3 的选举超时最先到期：它成为任期 1 的候选人并请求投票。',
      'n3 获得 5 票中的 3 票：它领导任期 1，并发送心跳。',
      '客户端把 x=1 发给领导者 n3，n3 将其追加到日志并复制给其他节点。',
      '多数派已保存 x=1：n3 在索引 2 处提交它。',
      '领导者 n3 宕机。跟随者不再收到心跳，它们的选举计时器逐渐耗尽。',
      'n4 的计时器最先到期：它成为任期 2 的候选人。',
      '除了自己的一票，n4 还得到 n1 和 n5 的票，5 票中的 3 票：它成为任期 2 的新领导者。',
      '客户端发送 y=2；n4 把它复制给仍在运行的三个跟随者并提交。',
      'n3 带着持久化状态重启：任期 1，日志到索引 2 为止。',
      'n3 收到 n4 任期 2 的 AppendEntries：它跟随 n4，并补上错过的日志条目。',
    ],
    'raft-partition': [
      'n3 是任期 1 的领导者，由五个节点中的多数派选出。',
      '网络分区：{n3, n4} | {n1, n2, n5}。n3 仍是领导者，但只有 n4 能收到它的消息。',
      '在多数派一侧，n2 收不到领导者的心跳：它的计时器到期，在任期 2 请求投票。',
      'n2 得到 n1 和 n5 的票而当选：多数派一侧有了任期 2 的领导者，而 n3 仍只带着 n4 领导任期 1。',
      '客户端把 lost=2 发给 n3。n3 追加了它，但 5 个节点中的 2 个不是多数派：它永远无法提交。',
      'y=3 发给了 n2，n2 与 n1、n5 一起在索引 4 处提交它：多数派一侧继续前进。',
      '网络恢复：所有链路重新连通。',
      'n3 看到任期 2，退位并跟随 n2；它未提交的条目 lost=2 被领导者的条目取代。',
    ],
    'raft-figure7': [
      'Raft 论文图 7 中的七份日志：n1 是论文里的领导者，n2–n7 是跟随者 a–f，日志有缺失、多余和冲突的条目。',
      'n7 的选举超时最先到期：它在任期 4 请求投票。',
      '所有节点都拒绝了 n7：它的任期比它们的旧，或者它的日志落后于它们。',
      'n1 的计时器到期：它在任期 8 请求投票；它的日志结束于索引 10，任期 6。',
      'n5（日志结束于任期 7）和 n4（日志更长）拒绝了 n1：它们的日志更新。',
      'n1 获得 7 票中的 4 票，即多数派：它成为任期 8 的领导者。',
      '跟随者的日志在 prevIndex 处不匹配时会拒绝 AppendEntries，n1 随之回退它的下一索引（nextIndex）。',
      'n7 和 n6 截断冲突的条目，换成领导者的条目。',
      '落后最多的 n3 也已追上：每份日志现在都与领导者一致，直到索引 11。',
    ],
    'raft-figure8': [
      'Raft 论文图 8：n1、n2 和 n3 在索引 2 处都有任期 2 的条目（多数派），但它从未被提交；n5 的日志结束于任期 3。',
      'n5 的选举超时到期：它在任期 4 请求投票。',
      'n5 得到 n2 和 n4 的票而当选：它结束于任期 3 的日志是最新的。',
      '跟随者在索引 2 处的条目（任期 2）与 n5 的（任期 3）冲突：它们拒绝，n5 回退下一索引。',
      'n1、n2 和 n3 截断任期 2 的条目，换成 n5 的：多数派曾持有的条目消失了。',
      '多数派已保存索引 3，这是 n5 自己任期的条目：n5 提交它，连同它之前任期 3 的条目。',
    ],
    'raft-figure8-bug': [
      '图 8 的日志，加上缺陷 commitPreviousTermByCount。日志结束于任期 3 的 n5 已宕机。',
      'n1 的选举超时到期：它在任期 4 请求投票。',
      'n1 得到 n3 和 n2 的票，赢得任期 4。',
      '由于这个缺陷，n1 仅因多数派持有就提交了索引 2 处任期 2 的条目。真正的 Raft 不会这样做。',
      '网络分区为 {n1, n2} | {n3, n4, n5}，n5 在多数派一侧重启。',
      'n5 的计时器到期：它在任期 7 请求投票；它结束于任期 3 的日志看起来更新。',
      'n5 当选，并将覆盖 n1 已提交的索引 2：违反了领导者完整性（Leader Completeness）。',
    ],
    'raft-rejoin-disrupts': [
      'n4 赢得第一次选举：它领导任期 1。',
      'n1 与其他节点隔开：{n1} | {n2, n3, n4, n5}。',
      'n1 收不到领导者的心跳：它的计时器到期，成为任期 2 的候选人，但没有节点能回应。',
      'n1 独自一次又一次超时：它已到任期 10，其他节点仍在任期 1。',
      '网络恢复：n1 又能联系到其他节点。',
      'n1 任期 10 的投票请求到达其他节点：它们采用任期 10，领导者 n4 退位。',
      'n1 赢得任期 10：一次正常运行的集群根本不需要的选举。',
    ],
    'raft-prevote': [
      'n4 的选举超时到期：开启预投票（PreVote）后，它先请求预投票，而不提高自己的任期。',
      'n4 先得到预投票，再得到正式投票：它领导任期 1。',
      'n1 与其他节点隔开：{n1} | {n2, n3, n4, n5}。',
      'n1 收不到领导者的心跳而超时，但作为预候选人它只请求预投票：没有节点回应，它的任期仍是 1。',
      '多次超时后 n1 仍在任期 1：得不到多数派的预投票，它就从不提高任期。',
      '网络恢复：n1 又能联系到其他节点。',
      'n1 收到 n4 的心跳并跟随它：没有选举，n4 继续领导任期 1。',
    ],
    'raft-split-vote': [
      'n1 和 n3 在同一时刻选举超时：任期 1 有两个候选人，各自投票给自己。',
      '两者又各得一票：4 票中得 2 票，而需要 3 票。两者都落选：任期 1 没有领导者。',
      '选举超时重新随机抽取：n4 最先到期，在任期 2 单独发起选举并获胜。',
    ],
  } as Stops,
};
