/**
 * ZooKeeper lessons about time: fail-over, stale reads and GC pauses (engineer "zk-lessons-b"): names,
 * presentation and texts in en and zh. Combined with ./sessions.ts by ./meta.ts.
 *
 * Each lesson scales ZooKeeper's timings and says so: tickTime 200 ms (zoo_sample.cfg: 2000)
 * and sessions of 3–4 s (ZooKeeper negotiates a session into 2–20 ticks), so a session expires
 * in seconds. Every number a sentence states is computed from the run at its stop by
 * tests/unit/zk-lessons/timing.test.ts; the stops were found with
 * `npx tsx tests/unit/zk-lessons/story-timing.ts zk-NAME`.
 */
import type { LessonMeta } from '../../../../store/lessons';
import type { Lang } from '../../../../store/types';
import type { LessonText } from '../../../lessons';

export const ZK_TIMING_LESSONS = ['zk-failover', 'zk-stale-read', 'zk-gc-pause-fencing'] as const;
export type ZkTimingLessonName = (typeof ZK_TIMING_LESSONS)[number];

/**
 * A client's or a server's message takes 10–30 ms: at 1/50× a hop takes about a second, as
 * in ZAB's lessons. The waits (a reconnect's random sleep, a read time-out, a session
 * timeout) last seconds beside that: the stops jump over them.
 */
const ZK_SPEED = 0.02;

/**
 * Stops: the virtual time of each moment's event (the stop lands on the last frame at or
 * before it). `embedState` where the servers' histories are the point (the stale read: n2
 * has not applied what the leader committed).
 */
export const ZK_TIMING_LESSON_META: Record<ZkTimingLessonName, LessonMeta> = {
  'zk-failover': { speed: ZK_SPEED, embedState: false, stops: [1653, 2000, 3003, 3049, 3610, 4652, 7119, 8022] },
  'zk-stale-read': { speed: ZK_SPEED, embedState: true, stops: [1727, 2045, 2058, 2063, 2082, 2430, 2473] },
  'zk-gc-pause-fencing': { speed: ZK_SPEED, embedState: false, stops: [1750, 2166, 2500, 4841, 4918, 7500, 8581] },
};

type Texts = Record<ZkTimingLessonName, LessonText>;

const en: Texts = {
  'zk-failover': {
    title: 'ZooKeeper · fail-over: a session outlives its server',
    blurb:
      'Three servers (n3 leads) and three clients, each with a 3 s session. ZooKeeper’s sample configuration ticks every 2000 ms and allows sessions of 2 to 20 ticks; this lesson ticks every 200 ms, so sessions last seconds, not a minute. c1, on n1, holds the ephemeral node /c1 and a watch on /config; c2, on n2, holds /c2. At 2 s n1 crashes and c2 is cut off from every server. c1 reaches another server within its session timeout and keeps everything; c2 stays away longer than its session and finds it expired.',
    stops: [
      'c1 is connected to n1 with session 0x100000001: it created the ephemeral /c1 and read /config with a watch. c2 (session 0x200000001, on n2) created /c2. Under each client its read time-out drains (2/3 of the session: 2 s), refilled by every packet it hears.',
      'n1 crashes: its TCP connection to c1 resets, so c1 is Disconnected at once; it sleeps a random 984 ms before it tries the next server, n2. At the same moment c2 is cut off from every server: its connection is not closed, just silent.',
      'c1 sends n2 a ConnectRequest with its session 0x100000001, the last zxid it saw (0x100000006) and its watch on /config (SetWatches). n2 does not know the session: it asks the leader, n3 (REVALIDATE).',
      'The leader’s tracker says the session is open: c1 is SyncConnected to n2, 1049 ms after it lost n1, within its 3000 ms. Same session: /c1 is still there, and its watch is set again, on n2.',
      'c2 has heard nothing for 2 s, its read time-out: Disconnected. It goes on trying n3 and n1, but nothing gets through the cut.',
      'The leader has heard nothing of session 0x200000001 for its 3 s: it expires it through the log. The closeSession, zxid 0x100000007, deletes /c2 in the same transaction on every server.',
      'c3 changes /config to v2: c1’s watch fires — from n2, where SetWatches set it again. The watch survived the fail-over too.',
      'c2’s link came back at 6 s. It reaches n2, which asks the leader: the session is gone. c2 hears Expired only now, from a server — a client cannot know earlier. Its /c2 and its watches are gone; it must open a new session.',
    ],
  },
  'zk-stale-read': {
    title: 'ZooKeeper · a stale read from a lagging follower, and sync',
    blurb:
      'ZooKeeper answers a read at the server the client is connected to, from that server’s own copy: reads are sequentially consistent, not linearizable. The writer c1 is connected to the leader n3, the reader c2 to the follower n2. c1 changes /config from v1 to v2 and, as soon as it has its answer, tells c2 (outside ZooKeeper) to read it. The COMMIT is still on its way to n2, so c2 reads v1. Then c2 calls sync, and reads v2. tickTime is 200 ms here (ZooKeeper’s sample configuration: 2000); messages take 10–30 ms.',
    stops: [
      'c2 reads /config from n2: v1, created at zxid 0x100000003. Every server has applied it.',
      'c1 has its answer: v2 is committed as 0x100000004. The leader committed it on a quorum of ACKs (its own and n1’s) and answered c1 at once; c1 now tells c2 to read. The COMMIT to n2 is still on the wire.',
      'c2’s getData reaches n2 first. n2 answers from its own tree, applied up to 0x100000003: v1.',
      '5 ms later the COMMIT arrives and n2 applies 0x100000004. Nothing was lost: n2 was one message behind.',
      'c2 got v1 although c1’s write had completed before c2 asked: no linearizable order explains that. A sequentially consistent one does (every client’s operations in its own order), so the checker reports a stale read, not a violation.',
      'c2 calls sync, then getData. n2 forwards the SYNC to the leader, and the getData waits behind it: a session’s requests are answered in order.',
      'The sync is answered, then the read: v2 (mzxid 0x100000004). What ZooKeeper promises: a client sees its own writes; a session never goes back in time (a server behind what the client has seen refuses it); after sync, the next read sees everything the leader had committed when the sync reached it. Not that two clients see a write at the same moment.',
    ],
  },
  'zk-gc-pause-fencing': {
    title: 'ZooKeeper · a GC pause, and fencing tokens',
    blurb:
      'c1 takes the lock, then stops for 5 s — a stop-the-world garbage-collection pause — longer than its 3 s session (tickTime is 200 ms here; ZooKeeper’s sample configuration says 2000). The leader expires the session, c1’s lock node goes, and c2 takes the lock. c1 wakes still believing it holds the lock: nothing has told it otherwise. The lock service did its job; what protects the data is a fencing token, as Kleppmann’s “How to do distributed locking” describes: each holder’s lock-node czxid, larger for every later holder. Simulated here: the lock, the pause, the expiry, c2’s turn and both tokens. Told, not simulated: a storage service that remembers the highest token it has seen.',
    stops: [
      'c1 holds the lock: its node lock-0000000000 is the lowest child of /lock. Its czxid, 0x100000004, is c1’s fencing token.',
      'c2 queues: its node lock-0000000001 (czxid 0x100000005) comes next, so it watches lock-0000000000, its predecessor, and waits.',
      'c1 pauses for 5 s (a GC pause): it sends nothing and reads nothing — no pings — so it cannot notice anything.',
      'The leader has heard nothing of c1’s session 0x100000001 for its 3 s: it expires it through the log. The closeSession, 0x100000006, deletes lock-0000000000 with it.',
      'c2’s watch fired (NodeDeleted) and its node is now the lowest: c2 holds the lock, with token 0x100000005. c1, still paused, believes it holds the lock too — the queue marks it.',
      'c1 wakes. Its read time-out ran out during the pause, so it drops the connection and looks for a server; until one answers, it still believes it holds the lock. A write it sends to storage now carries token 0x100000004; once c2 has written with 0x100000005, a storage service that keeps the highest token it has seen refuses any smaller one, so c1’s late write is rejected.',
      'A server answers at last: session 0x100000001 expired, and c1 drops the lock — 1.1 s after waking, 3.7 s after c2 took it. No check by the client can close that gap (a pause can fall between the check and the write): the check belongs where the data is, on the token.',
    ],
  },
};

const zh: typeof en = {
  'zk-failover': {
    title: 'ZooKeeper · 故障转移：会话比服务器活得久',
    blurb:
      '三台服务器（n3 是领导者）和三个客户端，每个客户端的会话（session）超时为 3 秒。ZooKeeper 的示例配置每 2000 毫秒一个 tick，会话超时允许 2 到 20 个 tick；本课程每 200 毫秒一个 tick，所以会话以秒计，而不是一分钟。c1 连在 n1 上，持有临时节点 /c1 和 /config 上的监听（Watch）；c2 连在 n2 上，持有 /c2。2 秒时 n1 宕机，c2 与所有服务器断开。c1 在会话超时之内连上另一台服务器，什么都没丢；c2 离开的时间比会话还长，发现会话已过期。',
    stops: [
      'c1 以会话 0x100000001 连在 n1 上：它创建了临时节点 /c1，并带监听读取了 /config。c2（会话 0x200000001，连在 n2 上）创建了 /c2。每个客户端下方是它的读超时（会话的 2/3：2 秒）在流逝，每收到一个包就重新填满。',
      'n1 宕机：它与 c1 的 TCP 连接被重置，c1 立刻断开（Disconnected）；它随机睡眠 984 毫秒，再去试下一台服务器 n2。同一时刻 c2 与所有服务器断开：它的连接没有关闭，只是没有声音了。',
      'c1 向 n2 发送 ConnectRequest，带着会话 0x100000001、它见过的最后一个 zxid（0x100000006）和 /config 上的监听（SetWatches）。n2 不认识这个会话：它去问领导者 n3（REVALIDATE）。',
      '领导者的会话跟踪器说会话仍然有效：c1 与 n2 同步连接（SyncConnected），距离失去 n1 过了 1049 毫秒，在它的 3000 毫秒之内。会话不变：/c1 还在，它的监听也在 n2 上重新注册了。',
      'c2 已有 2 秒（它的读超时）什么也没收到：断开（Disconnected）。它继续尝试 n3 和 n1，但什么也穿不过断开的链路。',
      '领导者在 3 秒内没有收到会话 0x200000001 的任何消息：它通过日志让会话过期。closeSession（zxid 0x100000007）在同一个事务里、在每台服务器上删除 /c2。',
      'c3 把 /config 改为 v2：c1 的监听触发了——来自 n2，SetWatches 在那里重新注册了它。监听也挺过了故障转移。',
      'c2 的链路在 6 秒时恢复。它连上 n2，n2 去问领导者：会话已经没了。c2 直到现在才从服务器那里得知会话已过期（Expired）——客户端不可能更早知道。它的 /c2 和监听都没了；它必须新建一个会话。',
    ],
  },
  'zk-stale-read': {
    title: 'ZooKeeper · 落后的跟随者给出过期读，以及 sync',
    blurb:
      'ZooKeeper 在客户端所连的服务器上、用那台服务器自己的副本回答读请求：读是顺序一致的，不是线性一致性（linearizability）的。写者 c1 连在领导者 n3 上，读者 c2 连在跟随者 n2 上。c1 把 /config 从 v1 改为 v2，一拿到应答就（在 ZooKeeper 之外）告诉 c2 去读。COMMIT 还在去 n2 的路上，所以 c2 读到 v1。然后 c2 调用 sync，再读到 v2。这里 tickTime 为 200 毫秒（ZooKeeper 示例配置：2000）；消息耗时 10–30 毫秒。',
    stops: [
      'c2 从 n2 读取 /config：v1，创建于 zxid 0x100000003。每台服务器都已应用它。',
      'c1 拿到了应答：v2 被提交为 0x100000004。领导者收到法定人数的 ACK（它自己的和 n1 的）就提交了它，并立刻应答 c1；c1 现在告诉 c2 去读。发往 n2 的 COMMIT 还在网络上。',
      'c2 的 getData 先到达 n2。n2 用自己的树回答，它只应用到 0x100000003：v1。',
      '5 毫秒后 COMMIT 到达，n2 应用 0x100000004。什么也没丢：n2 只是落后一条消息。',
      'c1 的写在 c2 发问之前就已完成，c2 却拿到了 v1：没有任何线性一致的顺序能解释这一点。但有一个顺序一致的顺序可以（每个客户端的操作保持各自的顺序），所以检查器把它报告为过期读，而不是违反。',
      'c2 调用 sync，然后 getData。n2 把 SYNC 转发给领导者，getData 排在它后面：一个会话的请求按顺序应答。',
      'sync 得到应答，接着是读：v2（mzxid 0x100000004）。ZooKeeper 承诺的是：客户端能看到自己的写；会话永远不会回到过去（落后于客户端所见的服务器会拒绝它）；sync 之后，下一次读能看到 sync 到达领导者时已提交的一切。它不承诺两个客户端在同一时刻看到同一个写。',
    ],
  },
  'zk-gc-pause-fencing': {
    title: 'ZooKeeper · GC 停顿与防护令牌',
    blurb:
      'c1 拿到锁，然后停了 5 秒——一次“全世界暂停”的垃圾回收（GC）停顿——比它 3 秒的会话还长（这里 tickTime 为 200 毫秒；ZooKeeper 示例配置为 2000）。领导者让会话过期，c1 的锁节点被删除，c2 拿到锁。c1 醒来时仍以为自己持有锁：没有任何东西告诉过它。锁服务尽了职责；保护数据的是防护令牌（fencing token），正如 Kleppmann 在《How to do distributed locking》中所描述的：每个持有者的锁节点 czxid，后来的持有者总是更大。这里模拟的是：锁、停顿、过期、c2 接手和两个令牌。只讲述、不模拟的是：一个记住自己见过的最大令牌的存储服务。',
    stops: [
      'c1 持有锁：它的节点 lock-0000000000 是 /lock 下最小的子节点。它的 czxid 0x100000004 就是 c1 的防护令牌（fencing token）。',
      'c2 排队：它的节点 lock-0000000001（czxid 0x100000005）排在后面，所以它监听前一个节点 lock-0000000000，然后等待。',
      'c1 停顿 5 秒（GC 停顿）：它什么也不发、什么也不读——没有心跳 ping——所以它什么也察觉不到。',
      '领导者在 3 秒内没有收到 c1 的会话 0x100000001 的任何消息：它通过日志让会话过期。closeSession（0x100000006）随之删除 lock-0000000000。',
      'c2 的监听触发了（NodeDeleted），它的节点现在最小：c2 持有锁，令牌为 0x100000005。仍在停顿中的 c1 也以为自己持有锁——锁队列标出了这一点。',
      'c1 醒来。它的读超时在停顿期间已经耗尽，所以它断开连接去找服务器；在有服务器回答之前，它仍以为自己持有锁。它此时发给存储的写带着令牌 0x100000004；只要 c2 已经用 0x100000005 写过，记住所见最大令牌的存储服务就会拒绝任何更小的令牌，所以 c1 迟到的写被拒绝。',
      '终于有服务器回答：会话 0x100000001 已过期，c1 放下锁——醒来后 1.1 秒，c2 拿到锁后 3.7 秒。客户端自己的任何检查都无法消除这段间隙（停顿可能落在检查和写之间）：检查应该放在数据所在之处，靠令牌。',
    ],
  },
};

export const ZK_TIMING_LESSON_TEXT: Record<Lang, Texts> = { en, zh };
