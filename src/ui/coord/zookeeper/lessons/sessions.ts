/**
 * ZooKeeper lessons about the lock, watches and sessions (engineer "zk-lessons-a"): names,
 * presentation and texts in en and zh. Combined with ./timing.ts by ./meta.ts.
 *
 * Each story, stop and sentence is pinned by tests/unit/zk-lessons/sessions.test.ts (the stop
 * times were found with tests/unit/zk-lessons/story-sessions.ts). GLOSSARY.md terms; znode,
 * zxid, session ids, ZooKeeper's event names (NodeDeleted, NodeDataChanged, Disconnected,
 * Expired), op names and closeSession stay in English.
 */
import type { LessonMeta } from '../../../../store/lessons';
import type { Lang } from '../../../../store/types';
import type { LessonText } from '../../../lessons';

export const ZK_SESSION_LESSONS = ['zk-lock-handover', 'zk-config-watchers', 'zk-session-expiry'] as const;
export type ZkSessionLessonName = (typeof ZK_SESSION_LESSONS)[number];

/**
 * A client's packet takes 10–30 ms, as a server's: at 1/50× a hop takes about a second, as in
 * ZAB's lessons. A session's waits (a read timeout of 1.3 s, an expiry 2 s after the last
 * packet) are long beside that: the stops jump over them.
 */
const ZK_SPEED = 0.02;

/**
 * Stops: each the virtual time of its event (a client's decision, a txn proposed or applied,
 * a notification delivered), found with tests/unit/zk-lessons/story-sessions.ts and checked by
 * tests/unit/zk-lessons/sessions.test.ts. The stage (clients, the lock queue) is the point:
 * no state view beside it in the embed.
 */
export const ZK_SESSION_LESSON_META: Record<ZkSessionLessonName, LessonMeta> = {
  'zk-lock-handover': { speed: ZK_SPEED, embedState: false, stops: [1155, 1777, 2000, 3161, 4000, 4083, 4138, 4752] },
  'zk-config-watchers': { speed: ZK_SPEED, embedState: false, stops: [1051, 1575, 1617, 1926, 2143, 2582, 2624] },
  'zk-session-expiry': { speed: ZK_SPEED, embedState: false, stops: [1233, 1329, 1600, 2566, 3200, 3255, 4500, 5073, 5409, 5726] },
};

type Texts = Record<ZkSessionLessonName, LessonText>;

const en: Texts = {
  'zk-lock-handover': {
    title: 'ZooKeeper · the lock holder dies: only the next waiter takes over',
    blurb:
      'Four clients take the lock /lock with ZooKeeper’s recipe: each creates an ephemeral sequential child lock-N; the lowest holds the lock, and every other waiter sets a watch on the node just below its own, and on nothing else. At 2 s the holder c1 drops off the network for good (every link cut, never mended: to the servers a crashed client looks the same — silence). Its lock node goes only when the leader expires its session, and then only the next waiter is woken. This lesson scales tickTime to 200 ms (ZooKeeper’s sample config: 2000 ms) and asks for 2 s sessions (10 ticks; ZooKeeper allows 2–20 ticks, 4–40 s with the defaults).',
    stops: [
      'c1 created /lock/lock-0000000000 (ephemeral, owned by its session 0x100000001, zxid 0x100000006). It is the lowest child of /lock: c1 holds the lock.',
      'c2, c3 and c4 queued as lock-0000000001, lock-0000000002 and lock-0000000003. Each found lower nodes and set an exists watch on the one just below its own: c2 watches c1’s node, c3 watches c2’s, c4 watches c3’s.',
      'c1 drops off the network: its links to all three servers are cut. Nothing happens yet: to the servers c1 is just quiet, and its session and its lock node are still there.',
      'c1 has heard nothing for its read timeout (2/3 of the session timeout: 1333 ms): Disconnected. It will try the other servers, in vain. It still believes it holds the lock: nobody can tell it otherwise.',
      'The leader n3’s session tracker: session 0x100000001 has not been heard from for its timeout (2000 ms, its bucket ends at 4 s). n3 proposes closeSession 0x100000001 as 0x10000000a — through the log, like any write.',
      'Committed and applied on every server: in that one transaction each server deleted c1’s lock-0000000000. Only c2, which watched that node, got NodeDeleted; c3 and c4 got nothing — their watches are on other nodes.',
      'c2 read /lock’s children: its lock-0000000001 is now the lowest, so c2 holds the lock. c3 and c4 are still asleep. c1, still cut off, still believes it holds the lock: nothing can reach it to say otherwise.',
      'c2 unlocks (its node is deleted in 0x10000000b): again only the next waiter, c3, gets NodeDeleted and takes the lock; c4 has not been woken once in two hand-overs. Why no herd: had every waiter watched /lock’s children, each hand-over would wake all of them to read the children again, and all but one would go back to sleep (the herd effect).',
    ],
  },
  'zk-config-watchers': {
    title: 'ZooKeeper · a configuration change reaches every watcher, once',
    blurb:
      'c2, c3 and c4 read /config (v1) with getData and a watch, each through its own server. At 1.5 s c1 writes v2 and, right after it, v3. A watch is one-shot: the first change fires it and removes it, so each watcher hears one NodeDataChanged for the two writes, and nothing more until it reads again with a watch. ZooKeeper guarantees order — a watcher sees the event before it can read the new data — not that it sees every version. ZooKeeper’s own timings (tickTime 2000 ms, 30 s sessions).',
    stops: [
      'Each watcher’s getData returned v1 (version 0) and left a data watch on /config at its own server: c2’s on n2, c3’s on n3 (the leader), c4’s on n1.',
      'c1 wrote v2 and v3 back to back: they are proposed as 0x100000006 and 0x100000007, and the leader has committed both. Applying 0x100000006 fired c3’s watch and removed it, so 0x100000007 found no watch there.',
      'Every server has applied both writes, and each watcher got exactly one NodeDataChanged, fired by 0x100000006 (v2). The second change reached no one: no watch was left on /config.',
      'c2 reads /config again, with a watch: it gets v3 (version 2), the newest. It never read v2 — the event only said that /config changed. The event came before the new data, on the same connection, and c2 is watching again.',
      'c3 re-reads too: v3, and a new watch. c4 does not read again, so it has no watch on /config.',
      'c1 writes v4: 0x100000008 is committed.',
      'c3 and c2, which set their watches again, each got one more NodeDataChanged; c4 got none: its only watch fired at v2. What ZooKeeper guarantees is that a watcher sees the event before the new data, and that reading after the event returns the newest value — not one event per version: between the event and the read, any number of writes may land.',
    ],
  },
  'zk-session-expiry': {
    title: 'ZooKeeper · a partitioned client’s session expires, and its ephemeral node goes',
    blurb:
      'c1 registers itself as /services/app/c1, an ephemeral znode: it lives as long as c1’s session. c2 watches it. At 1.6 s c1’s links to every server are cut, both ways, for 2.9 s — longer than its 2 s session. The session lives on the servers, not in the client: only the leader ends it, through the log, and c1 cannot know that it ended until it reaches a server again. This lesson scales tickTime to 200 ms (ZooKeeper’s sample config: 2000 ms) and asks for 2 s sessions (10 ticks; ZooKeeper allows 2–20 ticks, 4–40 s with the defaults).',
    stops: [
      'c1 created /services/app/c1 (data 10.0.0.1:8080) as an ephemeral node, zxid 0x100000005: its owner is c1’s session 0x100000001.',
      'c2 checks it with exists and a watch: the stat names its owner, ephemeralOwner 0x100000001.',
      'c1 is cut off from all three servers, both ways. Nothing changes at once: no server knows yet, and c1’s session and its node stay.',
      'c1 has heard nothing for 1333 ms (its read timeout, 2/3 of the session timeout): Disconnected. Its session is not over: only the servers can end it. It will try the other servers; nothing reaches them.',
      'The leader n3 has not heard from session 0x100000001 within its timeout (2000 ms, its bucket ends at 3.2 s): it proposes closeSession 0x100000001 as 0x100000006.',
      'Committed and applied on every server, and in that same transaction each server deleted /services/app/c1. c2’s watch fired: NodeDeleted. c2 knows c1 is gone; c1 does not.',
      'The cut is mended. c1 is still Disconnected, waiting for its next attempt: it has not heard that its session is over.',
      'c1’s attempt reaches n3, which finds the session expired and answers without one: only now does c1 hear Expired. That handle is dead for good: every op on it fails with SessionExpired.',
      'The application opens a new handle (connect): a new session, 0x100000002.',
      'c1 registers again: /services/app/c1 is created anew (0x100000008), owned by the new session 0x100000002.',
    ],
  },
};

const zh: Texts = {
  'zk-lock-handover': {
    title: 'ZooKeeper · 锁的持有者宕机：只有下一个等待者接手',
    blurb:
      '四个客户端按 ZooKeeper 的锁方案抢锁 /lock：各自创建一个临时顺序节点（ephemeral sequential）lock-N；序号最小者持有锁，其余每个等待者只对紧挨在自己前面的节点设置监听（Watch），别的都不监听。2 秒时持有者 c1 永久离开网络（所有链路被切断，再不恢复：在服务器看来，宕机的客户端也是这样——一片沉默）。只有当领导者让它的会话（session）过期时，它的锁节点才会被删除，而这时只有下一个等待者被唤醒。本课把 tickTime 缩小到 200 毫秒（ZooKeeper 的示例配置是 2000 毫秒），会话超时设为 2 秒（10 个 tick；ZooKeeper 允许 2–20 个 tick，默认配置下为 4–40 秒）。',
    stops: [
      'c1 创建了 /lock/lock-0000000000（临时节点，属于它的会话 0x100000001，zxid 0x100000006）。它是 /lock 下序号最小的子节点：c1 持有锁。',
      'c2、c3、c4 依次排队，节点为 lock-0000000001、lock-0000000002、lock-0000000003。每个都发现有更小的节点，于是只用 exists 监听紧挨在自己前面的那一个：c2 监听 c1 的节点，c3 监听 c2 的，c4 监听 c3 的。',
      'c1 离开网络：它到三台服务器的链路都被切断。此刻什么也没发生：在服务器看来 c1 只是安静了，它的会话和锁节点都还在。',
      'c1 在读超时（会话超时的 2/3：1333 毫秒）内什么也没收到：Disconnected。它将尝试其他服务器，都连不上。它仍然以为自己持有锁：没有谁能告诉它。',
      '领导者 n3 的会话跟踪器：会话 0x100000001 在超时时间（2000 毫秒，它的时间桶在 4 秒结束）内没有任何消息。n3 把 closeSession 0x100000001 提议为 0x10000000a——和任何写入一样，经过日志。',
      '已提交，并已在每台服务器上应用：每台服务器在同一个事务里删除了 c1 的 lock-0000000000。只有监听这个节点的 c2 收到了 NodeDeleted；c3 和 c4 什么也没收到——它们监听的是别的节点。',
      'c2 读取 /lock 的子节点：它的 lock-0000000001 现在序号最小，所以 c2 持有锁。c3 和 c4 仍在等待，没有被唤醒。仍被隔离的 c1 还以为自己持有锁：没有任何消息能到达它，告诉它并非如此。',
      'c2 释放锁（它的节点在 0x10000000b 中被删除）：同样只有下一个等待者 c3 收到 NodeDeleted 并拿到锁；两次交接中 c4 一次也没有被唤醒。为什么没有羊群效应：如果每个等待者都监听 /lock 的子节点，每次交接都会唤醒所有等待者去重新读取子节点，而除了一个之外，其余的又都得回去等待（羊群效应）。',
    ],
  },
  'zk-config-watchers': {
    title: 'ZooKeeper · 配置变更到达每个监听者，只到一次',
    blurb:
      'c2、c3、c4 各自通过自己连接的服务器，用 getData 读取 /config（v1）并设置监听（Watch）。1.5 秒时 c1 写入 v2，紧接着又写入 v3。监听是一次性的：第一次变更触发它并把它移除，所以两次写入每个监听者只收到一个 NodeDataChanged，在它带监听重新读取之前不会再收到任何事件。ZooKeeper 保证的是顺序——监听者先看到事件，之后才能读到新数据——而不是让它看到每一个版本。使用 ZooKeeper 自己的时间参数（tickTime 2000 毫秒，会话 30 秒）。',
    stops: [
      '每个监听者的 getData 都返回 v1（版本 0），并在自己连接的服务器上给 /config 留下一个数据监听：c2 的在 n2，c3 的在 n3（领导者），c4 的在 n1。',
      'c1 连续写入 v2 和 v3：它们被提议为 0x100000006 和 0x100000007，领导者已提交这两个事务。应用 0x100000006 时触发了 c3 的监听并把它移除，所以 0x100000007 在那里找不到监听。',
      '每台服务器都已应用这两次写入，每个监听者恰好收到一个 NodeDataChanged，由 0x100000006（v2）触发。第二次变更没有通知任何人：/config 上已经没有监听了。',
      'c2 带监听重新读取 /config：它读到 v3（版本 2），也就是最新值。它从未读到 v2——事件只说明 /config 变了。事件在新数据之前、沿同一个连接到达；c2 又开始监听了。',
      'c3 也重新读取：v3，并设置了新的监听。c4 没有再读，所以它在 /config 上没有监听。',
      'c1 写入 v4：0x100000008 已提交。',
      '重新设置了监听的 c3 和 c2 各自又收到一个 NodeDataChanged；c4 一个也没收到：它唯一的监听在 v2 时就触发了。ZooKeeper 保证的是：监听者先看到事件，再看到新数据，并且在事件之后读取会得到最新值——而不是每个版本一个事件：在事件和读取之间，可能已经有任意多次写入。',
    ],
  },
  'zk-session-expiry': {
    title: 'ZooKeeper · 被隔离的客户端会话过期，它的临时节点随之消失',
    blurb:
      'c1 把自己注册为 /services/app/c1，这是一个临时 znode（数据节点）：它只在 c1 的会话（session）存在期间存在。c2 监听（Watch）它。1.6 秒时 c1 到每台服务器的链路都被双向切断，持续 2.9 秒——比它 2 秒的会话超时更长。会话存在于服务器上，而不在客户端里：只有领导者能结束它，而且要经过日志；c1 在重新连上某台服务器之前，无从知道它已经结束。本课把 tickTime 缩小到 200 毫秒（ZooKeeper 的示例配置是 2000 毫秒），会话超时设为 2 秒（10 个 tick；ZooKeeper 允许 2–20 个 tick，默认配置下为 4–40 秒）。',
    stops: [
      'c1 创建了临时节点 /services/app/c1（数据 10.0.0.1:8080），zxid 0x100000005：它的所有者是 c1 的会话 0x100000001。',
      'c2 用 exists 检查它并设置监听：stat 写明了它的所有者，ephemeralOwner 0x100000001。',
      'c1 与三台服务器的链路都被双向切断。此刻什么也没变：还没有服务器知道，c1 的会话和它的节点都还在。',
      'c1 已经 1333 毫秒（它的读超时，会话超时的 2/3）没收到任何消息：Disconnected。它的会话并没有结束：只有服务器能结束它。它将尝试其他服务器，但什么也发不过去。',
      '领导者 n3 在超时时间（2000 毫秒，时间桶在 3.2 秒结束）内没有收到会话 0x100000001 的任何消息：它把 closeSession 0x100000001 提议为 0x100000006。',
      '已提交，并已在每台服务器上应用；每台服务器在同一个事务里删除了 /services/app/c1。c2 的监听被触发：NodeDeleted。c2 知道 c1 已经不在了；c1 自己却不知道。',
      '链路恢复了。c1 仍是 Disconnected，在等下一次连接尝试：它还没听说自己的会话已经结束。',
      'c1 的连接尝试到达 n3，n3 发现会话已过期，回复中不带会话：直到现在 c1 才收到 Expired。这个句柄永远失效了：在它上面的每个操作都会以 SessionExpired 失败。',
      '应用程序打开一个新句柄（connect）：新会话 0x100000002。',
      'c1 重新注册：/services/app/c1 被重新创建（0x100000008），所有者是新会话 0x100000002。',
    ],
  },
};

export const ZK_SESSION_LESSON_TEXT: Record<Lang, Texts> = { en, zh };
