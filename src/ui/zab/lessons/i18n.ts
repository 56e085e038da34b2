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
    stops: [],
  },
  'zab-newest-zxid': {
    title: 'ZAB · the newest zxid beats a higher sid',
    blurb:
      'n2 logged one more proposal than the others: its history ends at 0x100000003, theirs at 0x100000002, all in epoch 1. FLE compares epoch, then zxid, and only then sid, so n2’s vote beats n3’s, n4’s and n5’s although their sids are higher: the most up-to-date server leads, and its extra proposal reaches everyone.',
    stops: [],
  },
  'zab-leader-crash': {
    title: 'ZAB · the leader dies: a new epoch',
    blurb:
      'A fresh ensemble elects n5, the leader of epoch 1, which commits x=1 and y=2 as 0x100000001 and 0x100000002. At 1.5 s n5 crashes; its TCP connections close and the followers go LOOKING at once. They elect n4, which starts epoch 2 at zxid 0x200000000: the next write, z=3, is 0x200000001 — the counter restarts at 1.',
    stops: [],
  },
  'zab-sync-diff': {
    title: 'ZAB · a lagging server synced by DIFF',
    blurb:
      'n5 leads epoch 1 and commits x=1. At 1 s follower n1 crashes; y=2 and z=3 are committed by the other four without it. When n1 restarts at 2.5 s it is behind: its history ends at 0x100000001. It rejoins n5, and because that zxid is on n5’s history, n5 sends a DIFF followed by the two missing PROPOSAL/COMMIT pairs.',
    stops: [],
  },
  'zab-sync-trunc': {
    title: 'ZAB · a dead epoch’s proposal: TRUNC',
    blurb:
      'n1 led epoch 1 and logged 0x100000003 (w=9) just before it crashed: nobody else ever logged it. The others went on to epoch 2 and committed z=3 and v=4. Now all five start together. n1’s epoch-1 vote loses; the new leader finds n1’s last zxid is not on its history, so it sends TRUNC to 0x100000002 — w=9 is removed — then the missing PROPOSAL/COMMIT pairs.',
    stops: [],
  },
  'zab-sync-snap': {
    title: 'ZAB · a long-gone server synced by SNAP',
    blurb: '',
    stops: [],
  },
  'zab-not-paxos': {
    title: 'ZAB · “ZooKeeper elects its leader with Paxos”?',
    blurb:
      'A common description says ZooKeeper elects its leader with Paxos. Watch FLE: there are no ballots and no promises. Each server announces a vote, and whenever it hears a better one — a higher epoch, else a higher zxid, else a higher sid — it adopts it and announces that. The servers here differ in each of the three, so all three comparisons decide something.',
    stops: [],
  },
  'zab-first-noticer': {
    title: 'ZAB · “whoever notices first becomes leader”?',
    blurb:
      'A common description says the server that first notices the leader’s missing heartbeats becomes the new leader. Here n1 stops hearing leader n5 first (its link from n5 is cut at 1 s, and it misses y=2); the whole of n5 goes silent at 2 s. n1 notices first — and loses: the winner is the most up-to-date server with the highest sid. This lesson scales tickTime to 500 ms (ZooKeeper’s sample config says 2000) so the silence lasts 2.5 s, not 10 s; the order of events is the same.',
    stops: [],
  },
  'zab-three-phases': {
    title: 'ZAB · “pre-proposal, proposal, confirm”?',
    blurb:
      'A common description says ZAB runs three phases: pre-proposal, proposal and confirm. ZAB’s three phases are discovery, synchronization and broadcast, after the leader election. Three servers: n1 is one transaction behind. Watch FLE elect n3, discovery agree a new epoch, synchronization bring n1 up to date, and broadcast commit z=3 with PROPOSAL, ACK and COMMIT.',
    stops: [],
  },
  'zab-crash-vs-silence': {
    title: 'ZAB · a crash is noticed at once, a silent leader after 10 s',
    blurb:
      'ZooKeeper’s servers talk over TCP. At 2 s leader n5 crashes: its connections close and the followers notice within a message’s time. At 4 s the next leader, n4, is cut off by a partition: nothing closes, it just goes silent, and the followers notice only after syncLimit × tickTime = 5 × 2000 ms = 10 s. Real timings (zoo_sample.cfg), not scaled.',
    stops: [],
  },
};

const zh: Texts = {
  'zab-equal-histories': {
    title: 'ZAB · 历史相同：sid 最大者当选',
    blurb:
      '五台 ZooKeeper 服务器持有相同的历史，直到 zxid 0x100000002（纪元（epoch）1，计数 2）。每台服务器开始快速领导者选举（FLE），先投票给自己。选票的比较顺序是：纪元更高者胜，其次 zxid 更高者胜，再次服务器 ID（sid）更大者胜。这里纪元和 zxid 都相同，所以 sid 最大的 n5 胜出。',
    stops: [],
  },
  'zab-newest-zxid': {
    title: 'ZAB · 最新的 zxid 胜过更大的 sid',
    blurb:
      'n2 比其他服务器多记录了一个提议：它的历史以 0x100000003 结尾，其他服务器以 0x100000002 结尾，都在纪元（epoch）1。FLE 先比较纪元，再比较 zxid，最后才比较 sid，所以 n2 的选票胜过 n3、n4、n5，尽管它们的 sid 更大：数据最新的服务器当选，它多出的提议也会同步给所有服务器。',
    stops: [],
  },
  'zab-leader-crash': {
    title: 'ZAB · 领导者宕机：新的纪元',
    blurb:
      '一个新集群选出 n5 作为纪元（epoch）1 的领导者，它把 x=1 和 y=2 提交为 0x100000001 和 0x100000002。1.5 秒时 n5 宕机；它的 TCP 连接关闭，跟随者立刻进入选举中（LOOKING）。它们选出 n4，n4 从 zxid 0x200000000 开始纪元 2：下一个写入 z=3 是 0x200000001——计数从 1 重新开始。',
    stops: [],
  },
  'zab-sync-diff': {
    title: 'ZAB · 落后的服务器：用 DIFF 同步',
    blurb:
      'n5 领导纪元（epoch）1 并提交 x=1。1 秒时跟随者 n1 宕机；y=2 和 z=3 由其余四台服务器提交，n1 不在其中。2.5 秒 n1 重启时已经落后：它的历史以 0x100000001 结尾。它重新加入 n5；由于这个 zxid 在 n5 的历史上，n5 先发送 DIFF，再发送缺失的两对 PROPOSAL/COMMIT。',
    stops: [],
  },
  'zab-sync-trunc': {
    title: 'ZAB · 旧纪元留下的提议：用 TRUNC 截断',
    blurb:
      'n1 曾是纪元（epoch）1 的领导者，在宕机前刚记录了 0x100000003（w=9）：没有其他服务器记录过它。其他服务器进入了纪元 2，并提交了 z=3 和 v=4。现在五台服务器同时启动。n1 的纪元 1 选票落败；新领导者发现 n1 的最后一个 zxid 不在自己的历史上，于是发送 TRUNC 截断到 0x100000002——w=9 被删除——再发送缺失的 PROPOSAL/COMMIT 对。',
    stops: [],
  },
  'zab-sync-snap': {
    title: 'ZAB · 离开太久的服务器：用 SNAP 同步',
    blurb: '',
    stops: [],
  },
  'zab-not-paxos': {
    title: 'ZAB ·“ZooKeeper 用 Paxos 选举领导者”？',
    blurb:
      '一种常见的说法是 ZooKeeper 用 Paxos 选举领导者。看看 FLE：没有提案编号，也没有承诺。每台服务器宣布自己的选票，一旦听到更好的选票——纪元（epoch）更高，否则 zxid 更高，否则 sid 更大——就采纳它并重新宣布。这里的服务器在三者上各有不同，所以三种比较都会起作用。',
    stops: [],
  },
  'zab-first-noticer': {
    title: 'ZAB ·“谁先发现心跳丢失，谁当领导者”？',
    blurb:
      '一种常见的说法是最先发现领导者心跳丢失的服务器会成为新的领导者。这里 n1 最先收不到领导者 n5 的消息（1 秒时 n5 到 n1 的链路被切断，它也错过了 y=2）；2 秒时整个 n5 陷入沉默。n1 最先发现——却落选了：胜出的是数据最新、sid 最大的服务器。本课把 tickTime 缩小到 500 毫秒（ZooKeeper 的示例配置是 2000），所以沉默只需 2.5 秒而不是 10 秒；事件的顺序不变。',
    stops: [],
  },
  'zab-three-phases': {
    title: 'ZAB ·“预提议、提议、确认”三阶段？',
    blurb:
      '一种常见的说法是 ZAB 分为预提议、提议、确认三个阶段。ZAB 的三个阶段其实是发现、同步、广播，在领导者选举之后。三台服务器：n1 落后一个事务。看 FLE 选出 n3，发现阶段商定新的纪元（epoch），同步阶段让 n1 追上，广播阶段用 PROPOSAL、ACK、COMMIT 提交 z=3。',
    stops: [],
  },
  'zab-crash-vs-silence': {
    title: 'ZAB · 宕机立刻被发现，沉默的领导者要 10 秒',
    blurb:
      'ZooKeeper 的服务器之间用 TCP 通信。2 秒时领导者 n5 宕机：它的连接关闭，跟随者在一条消息的时间内就发现了。4 秒时下一任领导者 n4 被网络分区隔离：没有连接关闭，它只是沉默了，跟随者要等 syncLimit × tickTime = 5 × 2000 毫秒 = 10 秒才发现。使用真实的时间参数（zoo_sample.cfg），没有缩放。',
    stops: [],
  },
};

export const ZAB_LESSON_TEXT: Record<Lang, Texts> = { en, zh };
