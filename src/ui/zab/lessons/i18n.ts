/**
 * ZAB's lesson texts: per lesson its title, its premise (blurb) and one sentence per stop of
 * ZAB_LESSON_META[name].stops, in English and Chinese (GLOSSARY.md terms; PROPOSAL, TRUNC,
 * zxid, FLE stay in English). Read through src/ui/lessons.ts `lessonText`. Each sentence is
 * checked against the state at its stop by tests/unit/zab-lessons/*.test.ts.
 *
 * The myths (zab-not-paxos, zab-first-noticer, zab-three-phases) are stated neutrally ("a common
 * description says …"), then the run shows what ZooKeeper does, then the text says what was wrong.
 */
import type { Lang } from '../../../store/types';
import type { LessonText } from '../../lessons';
import type { ZabLessonName } from './meta';

type Texts = Record<ZabLessonName, LessonText>;

const en: Texts = {
  'zab-equal-histories': {
    title: 'ZAB · equal histories: the highest sid leads',
    blurb:
      'Five ZooKeeper servers hold the same history, up to zxid 0x100000002 (epoch 1, counter 2). Each starts Fast Leader Election (FLE) by voting for itself. A vote beats another by a higher epoch, then a higher zxid, then a higher server id (sid): here epochs and zxids are equal, so the highest sid, n5, wins.',
    stops: [
      'Each server first votes for itself. n4’s vote reaches n1 first: same epoch (1), same zxid (0x100000002), higher sid (4 > 1), so n1 adopts n4 and sends its new vote to everyone.',
      'n5’s vote reaches n1 and n4: sid 5 beats 4, so both now vote for n5.',
      'n1 has received the vote it holds, n5, from a quorum (3 of 5): it waits finalizeWait (200 ms) in case a better vote is still on its way.',
      'All five now vote for n5 with a quorum behind it, and wait. Older votes still arriving (for n4, n3 …) are not better, so they change nothing.',
      'No better vote came: n5 is LEADING, n1–n4 are FOLLOWING. The election is over.',
      'Discovery: the followers sent FOLLOWERINFO with their accepted epoch (1); with a quorum connected, n5 proposes the new epoch 1 + 1 = 2 in LEADERINFO.',
      'Each follower’s last zxid equals n5’s, so each got an empty DIFF. A quorum has acknowledged NEWLEADER (0x200000000): n5 is the established leader of epoch 2.',
      'UPTODATE: all five are in broadcast, following n5 in epoch 2. With epochs and zxids equal, the sid decided.',
    ],
  },
  'zab-newest-zxid': {
    title: 'ZAB · the newest zxid beats a higher sid',
    blurb:
      'n2 logged one more proposal than the others: its history ends at 0x100000003, theirs at 0x100000002, all in epoch 1. FLE compares epoch, then zxid, and only then sid, so n2’s vote beats n3’s, n4’s and n5’s although their sids are higher: the most up-to-date server leads, and its extra proposal reaches everyone.',
    stops: [
      'Each server first votes for itself. n1 had just adopted n4 (a higher sid); now n2’s vote arrives: same epoch, zxid 0x100000003 > 0x100000002, so n1 adopts n2.',
      'n5 adopts n2’s vote too, though its own sid is higher: the zxid is compared before the sid.',
      'n3 is the last to switch: all five now vote for n2.',
      'Every server has heard the vote for n2 from a quorum and waits finalizeWait (200 ms) for a better one; none can come, since no one has a newer zxid.',
      'n2 is LEADING; n1, n3, n4 and n5 are FOLLOWING. The most up-to-date server leads, not the highest sid.',
      'Epoch 2 is agreed. Synchronization: the followers’ last zxid, 0x100000002, is on n2’s history, so each follower gets a DIFF and the one PROPOSAL/COMMIT pair it lacks, 0x100000003.',
      'A quorum has logged 0x100000003 and acknowledged NEWLEADER: n2 is the established leader of epoch 2.',
      'UPTODATE: every server holds 0x100000003 and is in broadcast. n2’s extra proposal survived: it was on the winner’s history.',
    ],
  },
  'zab-leader-crash': {
    title: 'ZAB · the leader dies: a new epoch',
    blurb:
      'A fresh ensemble elects n5, the leader of epoch 1, which commits x=1 and y=2 as 0x100000001 and 0x100000002. At 1.5 s n5 crashes; its TCP connections close and the followers go LOOKING at once. They elect n4, which starts epoch 2 at zxid 0x200000000: the next write, z=3, is 0x200000001 — the counter restarts at 1.',
    stops: [
      'A fresh ensemble: every zxid is 0x0, so the highest sid, n5, wins. It is the established leader of epoch 1; its NEWLEADER carried zxid 0x100000000 (epoch 1, counter 0).',
      'The first write, x=1, is proposed as 0x100000001 (epoch 1, counter 1); with a quorum of ACKs, n5 commits it.',
      'y=2 follows as 0x100000002, committed too.',
      'n5 crashes: its process is gone, so its TCP connections close.',
      'The followers saw the connections close and went LOOKING at once (the last 18 ms after the crash), each voting for itself with its last zxid, 0x100000002, in a new round.',
      'Equal histories again: n4, the highest sid left, wins. Discovery picks epoch 1 + 1 = 2: n4 is the established leader of epoch 2 (NEWLEADER 0x200000000).',
      'A client writes z=3: n4 proposes it as 0x200000001 — epoch 2, and the counter restarts at 1.',
      'A quorum ACKed: 0x200000001 is committed. Every zxid of epoch 2 is greater than every zxid of epoch 1, so all writes stay in one order.',
    ],
  },
  'zab-sync-diff': {
    title: 'ZAB · a lagging server synced by DIFF',
    blurb:
      'n5 leads epoch 1 and commits x=1. At 1 s follower n1 crashes; y=2 and z=3 are committed by the other four without it. When n1 restarts at 2.5 s it is behind: its history ends at 0x100000001. It rejoins n5, and because that zxid is on n5’s history, n5 sends a DIFF followed by the two missing PROPOSAL/COMMIT pairs.',
    stops: [
      'n5 is the established leader of epoch 1 (a fresh ensemble: the highest sid wins).',
      'x=1 is proposed as 0x100000001, logged by all five and committed.',
      'Follower n1 crashes. Four of five servers are still a quorum, so writes go on without it.',
      'y=2 and z=3 are committed as 0x100000002 and 0x100000003 by the other four; n1 has neither.',
      'n1 restarts with its logged history, which ends at 0x100000001. It is LOOKING and votes for itself.',
      'The others answer with their votes for n5, as FOLLOWING and LEADING: a quorum names n5 and n5 itself says it leads, so n1 joins n5 without an election and sends FOLLOWERINFO.',
      'n1’s last zxid, 0x100000001, is on n5’s history: n5 sends a DIFF followed by the two missing PROPOSAL/COMMIT pairs, 0x100000002 and 0x100000003.',
      'n1 logged both, acknowledged NEWLEADER and got UPTODATE: its history is n5’s again.',
    ],
  },
  'zab-sync-trunc': {
    title: 'ZAB · a dead epoch’s proposal: TRUNC',
    blurb:
      'n1 led epoch 1 and logged w=9 as 0x100000003 just before it went away: nobody else has it. It starts cut off by a partition; the other four elect n5, the leader of epoch 2. At 1 s the network heals and n1 rejoins. Its last zxid is beyond n5’s last committed one, so n5 sends TRUNC to 0x100000002: n1 removes w=9, a dead epoch’s proposal that was never committed.',
    stops: [
      'Without n1, the other four elect n5 (equal histories, the highest sid) and establish epoch 2. n1, cut off, is still LOOKING, voting for itself with 0x100000003.',
      'The partition heals. n1 re-sends its vote only on its back-off schedule (after 200, 400, 800 ms …, doubling): its next try is at 1.4 s.',
      'n1 re-sends its vote; this time the others hear it, and answer with their votes for n5, as FOLLOWING and LEADING.',
      'A quorum names n5 and n5 itself says it leads: n1 joins n5 and sends FOLLOWERINFO with its last zxid, 0x100000003.',
      'n1’s 0x100000003 is beyond n5’s last committed zxid, 0x100000002: n5 sends TRUNC 0x100000002.',
      'n1 truncates its history after 0x100000002: w=9 is removed. It was never committed (no quorum ever logged it), so nothing committed is lost.',
      'n1 has acknowledged NEWLEADER and got UPTODATE: it is in broadcast with the same history as everyone.',
      'z=3 is proposed as 0x200000001 and committed; n1 logs it too. Had n5 written in epoch 2 before n1 came back, the TRUNC would have had to cross an epoch, and n1 would have got a SNAP instead.',
    ],
  },
  'zab-sync-snap': {
    title: 'ZAB · a long-gone server synced by SNAP',
    blurb:
      'n5 leads epoch 1 and commits x=1; at 1 s follower n1 crashes, and four more writes are committed without it. A leader syncs a follower from its committed log in memory (ZooKeeper keeps the last 500 transactions) or from its transaction log on disk. This lesson keeps only 3 and turns the disk read off (committedLogCount 3, txnLogSync false), so four writes leave n1 long gone: when it returns at 2.5 s, n5 sends it a SNAP, a snapshot of the whole committed state.',
    stops: [
      'n5 is the established leader of epoch 1 (a fresh ensemble: the highest sid wins).',
      'x=1 (0x100000001) is committed on all five; now follower n1 crashes.',
      'y=2, z=3, u=4 and v=5 are committed as 0x100000002 … 0x100000005 without n1. n5’s committed log in memory holds only the last 3: 0x100000003 to 0x100000005.',
      'n1 restarts; its history ends at 0x100000001.',
      'It joins n5 (a quorum names n5, and n5 says it leads) and sends FOLLOWERINFO with 0x100000001.',
      '0x100000001 is older than anything in n5’s committed log, and reading the transaction log is off: no DIFF can start there. n5 sends a SNAP up to 0x100000005.',
      'n1 loaded the snapshot — the whole committed history — acknowledged NEWLEADER and got UPTODATE: it is back in step.',
    ],
  },
  'zab-not-paxos': {
    title: 'ZAB · “ZooKeeper elects its leader with Paxos”?',
    blurb:
      'A common description says ZooKeeper elects its leader with Paxos. Watch FLE: there are no ballots and no promises. Each server announces a vote, and whenever it hears a better one — a higher epoch, else a higher zxid, else a higher sid — it adopts it and announces that. The servers here differ in each of the three, so all three comparisons decide something.',
    stops: [
      'Each server first votes for itself. n4’s vote reaches n5: epoch 2 beats n5’s epoch 1, so n5 adopts n4 — although n4’s zxid, 0x100000004, is lower than its own 0x100000005. The epoch is compared first.',
      'n2’s vote reaches n5: same epoch (2), higher zxid (0x200000001 > 0x100000004): n5 adopts n2.',
      'n3’s vote: same epoch and zxid as n2’s, higher sid (3 > 2): n5 adopts n3. Three changes of mind in 10 ms: no ballot, no promise, nothing refused — a vote is simply replaced by a better one and sent again.',
      'Every server now votes for n3 and has heard that vote from a quorum; each waits finalizeWait (200 ms).',
      'n3 is LEADING, the others FOLLOWING: the vote order decided, not rounds of prepare and accept.',
      'Only now, after the election, is an epoch chosen: n3 proposes 3, one more than the highest accepted epoch (2), and the followers acknowledge it (ACKEPOCH).',
      'n3 is the established leader of epoch 3 (n5’s extra 0x100000005 was replaced by a SNAP). What was wrong with the claim: FLE is not Paxos — no ballots or promises, only votes ordered by epoch, zxid and sid — and ZAB itself is, in its authors’ words, a primary-backup atomic broadcast protocol that, unlike Paxos, guarantees primary order.',
    ],
  },
  'zab-first-noticer': {
    title: 'ZAB · “whoever notices first becomes leader”?',
    blurb:
      'A common description says the server that first notices the leader’s missing heartbeats becomes the new leader. Here n1 stops hearing leader n5 first (its link from n5 is cut at 1 s, and it misses y=2); the whole of n5 goes silent at 2 s. n1 notices first — and loses: the winner is the most up-to-date server with the highest sid. This lesson scales tickTime to 500 ms (ZooKeeper’s sample config says 2000) so the silence lasts 2.5 s, not 10 s; the order of events is the same.',
    stops: [
      'n5 leads epoch 1 and x=1 is committed. Now the link from n5 to n1 is cut: n1 stops receiving n5’s PINGs.',
      'y=2 is committed as 0x100000002 by n2–n5; n1 never got it, so it is also behind.',
      'A partition cuts n5 off from everyone: it is not down, just silent.',
      'n1 notices first: 2.5 s (syncLimit × tickTime = 5 × 500 ms) without a packet from n5. It goes LOOKING and votes for itself, with zxid 0x100000001.',
      'n1 is alone: n2, n3 and n4 answer that they still follow n5. A quorum names n5, but n5 cannot confirm that it leads, so n1 cannot join it — and nobody votes for n1: the others are not looking.',
      'About a second after n1, the others notice the silence too and go LOOKING.',
      'n1, the first to notice, gives up its own vote: n2’s newer zxid (0x100000002 > 0x100000001) beats it, then n3’s and n4’s higher sids. n1 now votes for n4.',
      'n4 is the established leader of epoch 2, and n1 gets a DIFF with the y=2 it missed. What was wrong with the claim: noticing first only means voting first; the winner is the most up-to-date server, the highest sid among equals.',
    ],
  },
  'zab-three-phases': {
    title: 'ZAB · “pre-proposal, proposal, confirm”?',
    blurb:
      'A common description says ZAB runs three phases: pre-proposal, proposal and confirm. ZAB’s three phases are discovery, synchronization and broadcast, after the leader election. Three servers: n1 is one transaction behind. Watch FLE elect n3, discovery agree a new epoch, synchronization bring n1 up to date, and broadcast commit z=3 with PROPOSAL, ACK and COMMIT.',
    stops: [
      'Before ZAB’s phases, the election: FLE elects n3 (n2 and n3 share the newest zxid, 0x100000002; n3 has the higher sid). n3 is LEADING, n1 and n2 FOLLOWING.',
      'Phase 1, discovery: the followers send FOLLOWERINFO with their accepted epoch (1); with a quorum connected, n3 proposes epoch 2 in LEADERINFO.',
      'n1 answers ACKEPOCH with its current epoch and last zxid (0x100000001): with n3 itself a quorum, so epoch 2 is set. Phase 2, synchronization: n1 gets a DIFF and the PROPOSAL/COMMIT pair for 0x100000002 it lacks.',
      'n1 acknowledged NEWLEADER (0x200000000); with n3, a quorum is in sync: n3 is the established leader of epoch 2 and sends UPTODATE.',
      'Both followers have UPTODATE: phase 3, broadcast.',
      'A client writes z=3: n3 sends PROPOSAL 0x200000001 to both followers.',
      'n2’s ACK and n3’s own make 2 of 3: n3 COMMITs 0x200000001. What was wrong with the claim: PROPOSAL, ACK and COMMIT are broadcast, one phase of three; it leaves out discovery (agreeing a new epoch) and synchronization (making the followers’ histories the leader’s), which make a new leader safe.',
    ],
  },
  'zab-crash-vs-silence': {
    title: 'ZAB · a crash is noticed at once, a silent leader after 10 s',
    blurb:
      'ZooKeeper’s servers talk over TCP. At 2 s leader n5 crashes: its connections close and the followers notice within a message’s time. At 4 s the next leader, n4, is cut off by a partition: nothing closes, it just goes silent, and the followers notice only after syncLimit × tickTime = 5 × 2000 ms = 10 s. Real timings (zoo_sample.cfg), not scaled.',
    stops: [
      'n5 is the established leader of epoch 1 and sends a PING every tickTime / 2 = 1 s.',
      'n5 crashes: its process is gone, so its TCP connections close.',
      'All four followers have seen the connection close — the last 21 ms after the crash — and are LOOKING.',
      'n4 (the highest sid left; the histories are equal) is the established leader of epoch 2.',
      'y=2 is committed as 0x200000001.',
      'A partition cuts n4 off. Nothing closes: n4 is alive, just silent to the others.',
      'Only now do n1, n2 and n3 give up on n4: 10 s (syncLimit × tickTime = 5 × 2000 ms) after its last PING reached them, 9.3 s after the partition. They go LOOKING.',
      'n3 is the established leader of epoch 3.',
      'n4 itself steps down only now: it has not heard from a quorum within syncLimit ticks. The crash was noticed in 21 ms, the silence after 9.3 s.',
    ],
  },
};

const zh: Texts = {
  'zab-equal-histories': {
    title: 'ZAB · 历史相同：sid 最大者当选',
    blurb:
      '五台 ZooKeeper 服务器持有相同的历史，直到 zxid 0x100000002（纪元（epoch）1，计数 2）。每台服务器开始快速领导者选举（FLE），先投票给自己。选票的比较顺序是：纪元更高者胜，其次 zxid 更高者胜，再次服务器 ID（sid）更大者胜。这里纪元和 zxid 都相同，所以 sid 最大的 n5 胜出。',
    stops: [
      '每台服务器先投票给自己。n4 的选票最先到达 n1：纪元（epoch）相同（1），zxid 相同（0x100000002），sid 更大（4 > 1），于是 n1 采纳 n4，并把新选票发给所有服务器。',
      'n5 的选票到达 n1 和 n4：sid 5 胜过 4，两者都改投 n5。',
      'n1 已从法定人数（5 台中的 3 台）收到与自己相同的选票 n5：它等待 finalizeWait（200 毫秒），以防还有更好的选票在路上。',
      '五台服务器现在都投 n5，且都有法定人数支持，正在等待。仍在到达的旧选票（投给 n4、n3 …）并不更好，什么也不改变。',
      '没有更好的选票到来：n5 领导中（LEADING），n1–n4 跟随中（FOLLOWING）。选举结束。',
      '发现阶段：跟随者发送 FOLLOWERINFO，带上各自已接受的纪元（1）；法定人数连上后，n5 在 LEADERINFO 中提出新纪元 1 + 1 = 2。',
      '每个跟随者的最后一个 zxid 都与 n5 相同，所以各自收到一个空的 DIFF。法定人数已确认 NEWLEADER（0x200000000）：n5 成为纪元 2 的正式领导者。',
      'UPTODATE：五台服务器都进入广播阶段，在纪元 2 跟随 n5。纪元和 zxid 都相同时，由 sid 决定。',
    ],
  },
  'zab-newest-zxid': {
    title: 'ZAB · 最新的 zxid 胜过更大的 sid',
    blurb:
      'n2 比其他服务器多记录了一个提议：它的历史以 0x100000003 结尾，其他服务器以 0x100000002 结尾，都在纪元（epoch）1。FLE 先比较纪元，再比较 zxid，最后才比较 sid，所以 n2 的选票胜过 n3、n4、n5，尽管它们的 sid 更大：数据最新的服务器当选，它多出的提议也会同步给所有服务器。',
    stops: [
      '每台服务器先投票给自己。n1 刚采纳了 n4（sid 更大）；现在 n2 的选票到达：纪元（epoch）相同，zxid 0x100000003 > 0x100000002，于是 n1 改投 n2。',
      'n5 也采纳了 n2 的选票，尽管它自己的 sid 更大：先比较 zxid，再比较 sid。',
      'n3 最后一个改票：五台服务器现在都投 n2。',
      '每台服务器都已从法定人数收到投给 n2 的选票，等待 finalizeWait（200 毫秒）看有没有更好的选票；不会有，因为没有人的 zxid 更新。',
      'n2 领导中（LEADING）；n1、n3、n4、n5 跟随中（FOLLOWING）。当选的是数据最新的服务器，而不是 sid 最大的。',
      '纪元 2 已商定。同步阶段：跟随者的最后一个 zxid 0x100000002 在 n2 的历史上，所以每个跟随者收到一个 DIFF，以及它缺少的那一对 PROPOSAL/COMMIT：0x100000003。',
      '法定人数已记录 0x100000003 并确认 NEWLEADER：n2 成为纪元 2 的正式领导者。',
      'UPTODATE：每台服务器都持有 0x100000003，并进入广播阶段。n2 多出的提议保留了下来：它在胜出者的历史上。',
    ],
  },
  'zab-leader-crash': {
    title: 'ZAB · 领导者宕机：新的纪元',
    blurb:
      '一个新集群选出 n5 作为纪元（epoch）1 的领导者，它把 x=1 和 y=2 提交为 0x100000001 和 0x100000002。1.5 秒时 n5 宕机；它的 TCP 连接关闭，跟随者立刻进入选举中（LOOKING）。它们选出 n4，n4 从 zxid 0x200000000 开始纪元 2：下一个写入 z=3 是 0x200000001——计数从 1 重新开始。',
    stops: [
      '一个新集群：所有 zxid 都是 0x0，所以 sid 最大的 n5 胜出。它成为纪元（epoch）1 的正式领导者；它的 NEWLEADER 带着 zxid 0x100000000（纪元 1，计数 0）。',
      '第一个写入 x=1 被提议为 0x100000001（纪元 1，计数 1）；收到法定人数的 ACK 后，n5 提交它。',
      '接着 y=2 成为 0x100000002，同样被提交。',
      'n5 宕机：进程没了，它的 TCP 连接随之关闭。',
      '跟随者看到连接关闭，立刻进入选举中（LOOKING）（最晚的一个在宕机后 18 毫秒），各自在新的选举轮次里投票给自己，带着最后的 zxid 0x100000002。',
      '历史又一次相同：剩下的服务器中 sid 最大的 n4 胜出。发现阶段选定纪元 1 + 1 = 2：n4 成为纪元 2 的正式领导者（NEWLEADER 0x200000000）。',
      '客户端写入 z=3：n4 把它提议为 0x200000001——纪元 2，计数从 1 重新开始。',
      '法定人数已确认：0x200000001 被提交。纪元 2 的每个 zxid 都大于纪元 1 的每个 zxid，所以所有写入仍在同一个顺序里。',
    ],
  },
  'zab-sync-diff': {
    title: 'ZAB · 落后的服务器：用 DIFF 同步',
    blurb:
      'n5 领导纪元（epoch）1 并提交 x=1。1 秒时跟随者 n1 宕机；y=2 和 z=3 由其余四台服务器提交，n1 不在其中。2.5 秒 n1 重启时已经落后：它的历史以 0x100000001 结尾。它重新加入 n5；由于这个 zxid 在 n5 的历史上，n5 先发送 DIFF，再发送缺失的两对 PROPOSAL/COMMIT。',
    stops: [
      'n5 成为纪元（epoch）1 的正式领导者（新集群：sid 最大者胜出）。',
      'x=1 被提议为 0x100000001，五台服务器都已记录，并已提交。',
      '跟随者 n1 宕机。五台中的四台仍是法定人数，写入在没有它的情况下继续。',
      'y=2 和 z=3 由其余四台服务器提交为 0x100000002 和 0x100000003；n1 两个都没有。',
      'n1 带着它记录的历史重启，历史以 0x100000001 结尾。它进入选举中（LOOKING），投票给自己。',
      '其他服务器以跟随中（FOLLOWING）和领导中（LEADING）的身份回复它们投给 n5 的选票：法定人数指向 n5，n5 自己也说它在领导，于是 n1 无需选举就加入 n5，并发送 FOLLOWERINFO。',
      'n1 的最后一个 zxid 0x100000001 在 n5 的历史上：n5 发送 DIFF，随后是缺失的两对 PROPOSAL/COMMIT：0x100000002 和 0x100000003。',
      'n1 记录了这两个事务，确认了 NEWLEADER 并收到 UPTODATE：它的历史又和 n5 一样了。',
    ],
  },
  'zab-sync-trunc': {
    title: 'ZAB · 旧纪元留下的提议：用 TRUNC 截断',
    blurb:
      'n1 曾领导纪元（epoch）1，在离开前刚把 w=9 记录为 0x100000003：没有其他服务器有它。开始时它被网络分区隔离；其余四台选出 n5 作为纪元 2 的领导者。1 秒时网络恢复，n1 重新加入。它的最后一个 zxid 超出了 n5 最后提交的 zxid，于是 n5 发送 TRUNC 截断到 0x100000002：n1 删除 w=9——一个旧纪元留下、从未提交的提议。',
    stops: [
      '没有 n1，其余四台选出 n5（历史相同，sid 最大）并建立纪元（epoch）2。被隔离的 n1 仍在选举中（LOOKING），带着 0x100000003 投票给自己。',
      '网络恢复。n1 只按退避时间表重发选票（间隔 200、400、800 毫秒……逐次加倍）：下一次是在 1.4 秒。',
      'n1 重发选票；这次其他服务器收到了，并以跟随中（FOLLOWING）和领导中（LEADING）的身份回复它们投给 n5 的选票。',
      '法定人数指向 n5，n5 自己也说它在领导：n1 加入 n5，发送带着最后 zxid 0x100000003 的 FOLLOWERINFO。',
      'n1 的 0x100000003 超出了 n5 最后提交的 zxid 0x100000002：n5 发送 TRUNC 0x100000002。',
      'n1 把历史截断到 0x100000002 之后：w=9 被删除。它从未被提交（从来没有法定人数记录过它），所以没有丢失任何已提交的数据。',
      'n1 已确认 NEWLEADER 并收到 UPTODATE：它进入广播阶段，历史与所有服务器相同。',
      'z=3 被提议为 0x200000001 并提交；n1 也记录了它。如果 n5 在 n1 回来之前就在纪元 2 写入过，TRUNC 就得跨越纪元，n1 收到的将是 SNAP。',
    ],
  },
  'zab-sync-snap': {
    title: 'ZAB · 离开太久的服务器：用 SNAP 同步',
    blurb:
      'n5 领导纪元（epoch）1 并提交 x=1；1 秒时跟随者 n1 宕机，之后又有四个写入在没有它的情况下提交。领导者用内存中的已提交日志（ZooKeeper 保留最后 500 个事务）或磁盘上的事务日志来同步跟随者。本课只保留 3 个，并关闭从磁盘读取（committedLogCount 3，txnLogSync false），所以四个写入就让 n1 离开太久：它在 2.5 秒回来时，n5 发给它一个 SNAP，即完整已提交状态的快照（snapshot）。',
    stops: [
      'n5 成为纪元（epoch）1 的正式领导者（新集群：sid 最大者胜出）。',
      'x=1（0x100000001）已在五台服务器上提交；现在跟随者 n1 宕机。',
      'y=2、z=3、u=4、v=5 在没有 n1 的情况下被提交为 0x100000002 … 0x100000005。n5 内存中的已提交日志只保留最后 3 个：0x100000003 到 0x100000005。',
      'n1 重启；它的历史以 0x100000001 结尾。',
      '它加入 n5（法定人数指向 n5，n5 也说它在领导），发送带着 0x100000001 的 FOLLOWERINFO。',
      '0x100000001 比 n5 已提交日志里的任何事务都旧，而读取事务日志的功能已关闭：DIFF 无法从那里开始。n5 发送截至 0x100000005 的 SNAP。',
      'n1 加载了快照——完整的已提交历史——确认 NEWLEADER 并收到 UPTODATE：它重新跟上了。',
    ],
  },
  'zab-not-paxos': {
    title: 'ZAB · “ZooKeeper 用 Paxos 选举领导者”？',
    blurb:
      '一种常见的说法是 ZooKeeper 用 Paxos 选举领导者。看看 FLE：没有提案编号，也没有承诺。每台服务器宣布自己的选票，一旦听到更好的选票——纪元（epoch）更高，否则 zxid 更高，否则 sid 更大——就采纳它并重新宣布。这里的服务器在三者上各有不同，所以三种比较都会起作用。',
    stops: [
      '每台服务器先投票给自己。n4 的选票到达 n5：纪元（epoch）2 胜过 n5 的纪元 1，于是 n5 采纳 n4——尽管 n4 的 zxid 0x100000004 比它自己的 0x100000005 小。纪元最先比较。',
      'n2 的选票到达 n5：纪元相同（2），zxid 更高（0x200000001 > 0x100000004）：n5 改投 n2。',
      'n3 的选票：纪元和 zxid 与 n2 相同，sid 更大（3 > 2）：n5 改投 n3。10 毫秒内改了三次主意：没有提案编号，没有承诺，也没有拒绝——一张选票只是被更好的选票替换，再发出去。',
      '现在每台服务器都投 n3，并都已从法定人数收到这张选票；各自等待 finalizeWait（200 毫秒）。',
      'n3 领导中（LEADING），其他服务器跟随中（FOLLOWING）：决定结果的是选票的顺序，而不是一轮轮的准备与接受。',
      '直到选举之后，才选定纪元：n3 提出 3，比已接受的最高纪元（2）大 1，跟随者予以确认（ACKEPOCH）。',
      'n3 成为纪元 3 的正式领导者（n5 多出的 0x100000005 被 SNAP 替换）。这种说法错在哪里：FLE 不是 Paxos——没有提案编号，也没有承诺，只有按纪元、zxid、sid 排序的选票；而 ZAB 本身，用它的作者的话说，是一个主备（primary-backup）原子广播协议，与 Paxos 不同，它保证主序（primary order）。',
    ],
  },
  'zab-first-noticer': {
    title: 'ZAB · “谁先发现心跳丢失，谁当领导者”？',
    blurb:
      '一种常见的说法是最先发现领导者心跳丢失的服务器会成为新的领导者。这里 n1 最先收不到领导者 n5 的消息（1 秒时 n5 到 n1 的链路被切断，它也错过了 y=2）；2 秒时整个 n5 陷入沉默。n1 最先发现——却落选了：胜出的是数据最新、sid 最大的服务器。本课把 tickTime 缩小到 500 毫秒（ZooKeeper 的示例配置是 2000），所以沉默只需 2.5 秒而不是 10 秒；事件的顺序不变。',
    stops: [
      'n5 领导纪元（epoch）1，x=1 已提交。现在从 n5 到 n1 的链路被切断：n1 收不到 n5 的 PING 了。',
      'y=2 由 n2–n5 提交为 0x100000002；n1 从未收到它，所以它的数据也落后了。',
      '网络分区把 n5 与所有服务器隔开：它没有宕机，只是沉默了。',
      'n1 最先发现：已经 2.5 秒（syncLimit × tickTime = 5 × 500 毫秒）没有收到 n5 的任何数据包。它进入选举中（LOOKING），投票给自己，zxid 为 0x100000001。',
      'n1 孤身一人：n2、n3、n4 回复说它们仍在跟随 n5。法定人数指向 n5，但 n5 无法确认自己在领导，所以 n1 加入不了——也没有人投票给 n1：其他服务器并不在选举中。',
      '比 n1 晚大约一秒，其他服务器也发现了沉默，进入选举中（LOOKING）。',
      '最先发现的 n1 放弃了自己的选票：n2 更新的 zxid（0x100000002 > 0x100000001）胜过它，接着是 n3、n4 更大的 sid。n1 现在投 n4。',
      'n4 成为纪元 2 的正式领导者，n1 收到一个 DIFF，补上它错过的 y=2。这种说法错在哪里：最先发现只意味着最先投票；胜出的是数据最新的服务器，数据相同时是 sid 最大的。',
    ],
  },
  'zab-three-phases': {
    title: 'ZAB · “预提议、提议、确认”三阶段？',
    blurb:
      '一种常见的说法是 ZAB 分为预提议、提议、确认三个阶段。ZAB 的三个阶段其实是发现、同步、广播，在领导者选举之后。三台服务器：n1 落后一个事务。看 FLE 选出 n3，发现阶段商定新的纪元（epoch），同步阶段让 n1 追上，广播阶段用 PROPOSAL、ACK、COMMIT 提交 z=3。',
    stops: [
      '在 ZAB 的各阶段之前是选举：FLE 选出 n3（n2 和 n3 有同样最新的 zxid 0x100000002；n3 的 sid 更大）。n3 领导中（LEADING），n1 和 n2 跟随中（FOLLOWING）。',
      '第一阶段，发现：跟随者发送带着已接受纪元（epoch，1）的 FOLLOWERINFO；法定人数连上后，n3 在 LEADERINFO 中提出纪元 2。',
      'n1 回复 ACKEPOCH，带上当前纪元和最后的 zxid（0x100000001）：加上 n3 自己即为法定人数，纪元 2 确定。第二阶段，同步：n1 收到一个 DIFF，以及它缺少的 0x100000002 那一对 PROPOSAL/COMMIT。',
      'n1 确认了 NEWLEADER（0x200000000）；加上 n3，法定人数已同步：n3 成为纪元 2 的正式领导者，发送 UPTODATE。',
      '两个跟随者都收到了 UPTODATE：第三阶段，广播。',
      '客户端写入 z=3：n3 向两个跟随者发送 PROPOSAL 0x200000001。',
      'n2 的 ACK 加上 n3 自己的，是 3 台中的 2 台：n3 COMMIT 0x200000001。这种说法错在哪里：PROPOSAL、ACK、COMMIT 是广播，只是三个阶段之一；它漏掉了发现（商定新纪元）和同步（让跟随者的历史与领导者一致），正是这两个阶段让新领导者安全。',
    ],
  },
  'zab-crash-vs-silence': {
    title: 'ZAB · 宕机立刻被发现，沉默的领导者要 10 秒',
    blurb:
      'ZooKeeper 的服务器之间用 TCP 通信。2 秒时领导者 n5 宕机：它的连接关闭，跟随者在一条消息的时间内就发现了。4 秒时下一任领导者 n4 被网络分区隔离：没有连接关闭，它只是沉默了，跟随者要等 syncLimit × tickTime = 5 × 2000 毫秒 = 10 秒才发现。使用真实的时间参数（zoo_sample.cfg），没有缩放。',
    stops: [
      'n5 是纪元（epoch）1 的正式领导者，每 tickTime / 2 = 1 秒发送一次 PING。',
      'n5 宕机：进程没了，它的 TCP 连接随之关闭。',
      '四个跟随者都已看到连接关闭——最晚的一个在宕机后 21 毫秒——并进入选举中（LOOKING）。',
      'n4（剩下的服务器中 sid 最大；历史相同）成为纪元 2 的正式领导者。',
      'y=2 被提交为 0x200000001。',
      '网络分区把 n4 隔开。没有连接关闭：n4 还活着，只是对其他服务器沉默了。',
      '直到现在，n1、n2、n3 才放弃 n4：距它的最后一个 PING 到达已 10 秒（syncLimit × tickTime = 5 × 2000 毫秒），距网络分区 9.3 秒。它们进入选举中（LOOKING）。',
      'n3 成为纪元 3 的正式领导者。',
      'n4 自己直到现在才退位：它在 syncLimit 个 tick 内没有收到法定人数的消息。宕机 21 毫秒就被发现，沉默却要 9.3 秒。',
    ],
  },
};

export const ZAB_LESSON_TEXT: Record<Lang, Texts> = { en, zh };
