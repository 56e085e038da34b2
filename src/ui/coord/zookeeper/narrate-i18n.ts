/**
 * The sentences that narrate ZooKeeper's decisions — the servers' (ZabZkNotes, codes
 * 100–121), the Java-client-like client actor's (ZK_CLIENT_NOTES, codes 1000–1017) — and
 * the events of a client frame (an op invoked, a client's timer, a packet it reads, a
 * packet a server reads from it), in English and Chinese. English is the shape; Chinese is
 * `typeof en`, so a missing sentence is a compile error.
 *
 * Every argument arrives formatted: clients `c2`, servers `n3`, zxids and sessions as
 * ZooKeeper prints them (`0x100000005`), counts and milliseconds as numbers of the
 * language, times as `10.200 s`. Op, error, event and packet names (getData, BadVersion,
 * NodeDeleted, ConnectRequest, SetWatches), znode names and zxid stay in English in both
 * languages; the Chinese terms are GLOSSARY.md's (会话, 临时节点, 顺序节点, 监听, 分布式锁,
 * 领导者, 跟随者, 已过期).
 */
import type { Lang } from '../../i18n';

type S = string;

export const zkNarrateEn = {
  notes: {
    // ---- the servers (ZabZkNotes) --------------------------------------------------------
    connectRefusedNotServing: (n: S, c: S, session: S) => `${n} refuses ${c}’s ConnectRequest (${session}): it is not serving (LOOKING, or still syncing with its leader), so it closes the socket`,
    connectRefusedBehind: (n: S, c: S, session: S, theirs: S, ours: S) =>
      `${n} refuses ${c}’s ConnectRequest (${session}): the client has seen zxid ${theirs}, but ${n} has applied only ${ours} — a client never goes back in time, so it must try another server`,
    sessionRequested: (n: S, c: S, session: S, timeout: S, asked: S) =>
      `${n} makes session ${session} for ${c} with a ${timeout} ms timeout (${asked} ms asked, clamped into [2, 20] × tickTime); createSession goes through the leader`,
    sessionCreated: (n: S, c: S, session: S, timeout: S, zxid: S) => `${n} has applied createSession ${session} (zxid ${zxid}): ${c} is connected, session timeout ${timeout} ms`,
    revalidateSent: (n: S, c: S, session: S, leader: S) => `${n} asks its leader ${leader} whether ${c}’s session ${session} is still open (REVALIDATE) before letting it reconnect`,
    revalidatedOpen: (n: S, session: S, owner: S) => `${n}’s session tracker finds ${session} open: touched, and now owned by ${owner}`,
    revalidatedMoved: (n: S, session: S, owner: S, previous: S) => `${n}’s session tracker finds ${session} open: touched, and moved from ${previous} to ${owner}`,
    revalidatedGone: (n: S, session: S) => `${n}’s session tracker no longer has ${session}: it expired or was closed, so the reconnect is refused`,
    sessionReconnected: (n: S, c: S, session: S, timeout: S) => `${n} reconnects ${c}’s session ${session} (timeout ${timeout} ms): the same session, its watches registered here again`,
    sessionInvalid: (n: S, c: S, session: S) => `${n} tells ${c} that session ${session} is gone: a ConnectResponse with session 0 and timeout 0, which the client reads as Expired`,
    sessionUnknown: (n: S, c: S, session: S, xid: S) => `${n} answers ${c}’s request (xid ${xid}) with SessionExpired: session ${session} is not open here`,
    noConnection: (n: S, c: S, session: S) => `${n} has no connection for ${c} (${session}): it is not serving, or the session is connected to another server — nothing to answer on`,
    readServed: (n: S, c: S, what: S, zxid: S) => `${n} serves ${c}’s ${what} locally, from its own tree at zxid ${zxid} (where the leader is too, as far as ${n} knows): reads do not go through the leader`,
    readServedStale: (n: S, c: S, what: S, zxid: S, leaderZxid: S) =>
      `${n} serves ${c}’s ${what} from its own tree at zxid ${zxid} while the leader is at ${leaderZxid}: served locally, so it can be stale (sync cures that)`,
    readQueued: (n: S, c: S, what: S, behind: S) => `${n} holds ${c}’s ${what} behind ${behind} earlier request(s) of the same session: a session’s reads wait for its own writes`,
    syncForwarded: (n: S, c: S, xid: S, leader: S) => `${n} sends ${c}’s sync (xid ${xid}) to its leader ${leader} (SYNC): it will answer once it has applied all the leader had`,
    syncDone: (n: S, c: S, xid: S, zxid: S, applied: S) => `${n} answers ${c}’s sync (xid ${xid}): the leader was at ${zxid} and ${n} has applied up to ${applied}, so ${c}’s next read is not stale`,
    watchFired: (n: S, c: S, event: S, path: S, zxid: S) => `${n} fires ${c}’s watch: ${event}${path} (zxid ${zxid}); the watch is one-shot, so it is gone now`,
    watchFiredLater: (n: S, c: S, event: S, path: S, zxid: S, applied: S) =>
      `${n} fires ${c}’s watch: ${event}${path} (zxid ${zxid}, sent once ${n} had applied up to ${applied}); the watch is one-shot, so it is gone now`,
    sessionExpiredEnded: (n: S, c: S, session: S, zxid: S) => `${n} has applied the expiry of ${c}’s session ${session} (zxid ${zxid}): its ephemeral nodes are deleted and its connection closed`,
    sessionClosedEnded: (n: S, c: S, session: S, zxid: S) => `${n} has applied closeSession ${session} (zxid ${zxid}): ${c} closed it, its ephemeral nodes are deleted`,
    sessionMovedAway: (n: S, c: S, session: S, to: S) => `${n} drops ${c}’s connection: session ${session} reconnected to ${to}, so its connection and watches here go`,
    trackerLoaded: (n: S, sessions: S) => `${n}, now leading, loads the ${sessions} open session(s) of its tree into its session tracker, every clock restarted`,
    sessionExpiredByTracker: (n: S, session: S, timeout: S, at: S) =>
      `${n} expires session ${session}: no ping or request for ${timeout} ms (its bucket was due at ${at}); closeSession goes through the log, with its ephemerals`,
    sessionExpiredLocally: (n: S, session: S, timeout: S, at: S) =>
      `${n} ends session ${session} in its own tree, outside the log (bug expireWithoutLog): idle for ${timeout} ms (due at ${at}), yet the leader never decided it`,
    treeRebuilt: (n: S, count: S) => `${n}’s applied transactions were replaced by a TRUNC or SNAP: it rebuilds its tree from the ${count} committed ones and drops its client connections`,
    connectionsClosed: (n: S, clients: S) => `${n} stops serving and closes its ${clients} client connection(s): those clients look for another server at once`,
    proposedExpiry: (n: S, zxid: S) => `${n} proposes ${zxid}: the closeSession of a session it expired, a PROPOSAL to every follower`,
    forwardedSession: (n: S, c: S, leader: S) => `${n} forwards ${c}’s createSession to its leader ${leader}: a session is a write`,
    proposedSession: (n: S, zxid: S, c: S) => `${n} proposes ${zxid}: ${c}’s createSession, a PROPOSAL to every follower`,

    // ---- the client (ZK_CLIENT_NOTES) ---------------------------------------------------
    connectingNew: (c: S, server: S) => `${c} sends a ConnectRequest to ${server} for a new session`,
    connectingResume: (c: S, server: S, session: S, zxid: S) => `${c} sends a ConnectRequest to ${server} to resume session ${session}, last zxid seen ${zxid}`,
    connectingWatches: (c: S, server: S, session: S, zxid: S, watches: S) =>
      `${c} sends a ConnectRequest to ${server} to resume session ${session}, last zxid seen ${zxid}, with SetWatches for its ${watches} watch(es)`,
    reconnectSleep: (c: S, delay: S, server: S) => `${c} sleeps ${delay} ms (a random back-off) before trying ${server}`,
    reconnectSpin: (c: S, delay: S, server: S, spin: S) => `${c} sleeps ${delay} ms before trying ${server}: it has tried every server once, so ${spin} ms of that is the pause after a full round`,
    connected: (c: S, server: S, session: S, negotiated: S, read: S) =>
      `${c} is connected to ${server}, session ${session}: ${negotiated} ms negotiated, so it gives up on a silent server after ${read} ms (two thirds)`,
    lost: (c: S, server: S, why: S) => `${c} loses its connection to ${server}: ${why} (Disconnected); it looks for a server again`,
    lostFailed: (c: S, server: S, why: S, failed: S) => `${c} loses its connection to ${server}: ${why} (Disconnected); ${failed} request(s) in flight fail with ConnectionLoss`,
    refusedBehind: (c: S, server: S, zxid: S) => `${server} is behind the zxid ${c} has seen (${zxid}): ${c} tries the next server`,
    refusedNotServing: (c: S, server: S) => `${server} is not serving: ${c} tries the next server`,
    expired: (c: S, server: S, session: S) => `${server} says session ${session} has expired: ${c}’s handle is dead (Expired), its locks and watches gone; every later op fails SessionExpired`,
    expiredFailed: (c: S, server: S, session: S, failed: S) =>
      `${server} says session ${session} has expired: ${c}’s handle is dead (Expired); ${failed} request(s) fail SessionExpired, and so will every later op`,
    ping: (c: S, server: S, idle: S) => `${c} pings ${server}: it has sent nothing for ${idle} ms, and a session nobody hears from expires`,
    failedLocally: (c: S, what: S, error: S) => `${c}’s ${what} fails at once, no server asked: ${error}`,
    eventUnmatched: (c: S, server: S) => `${c} gets a watch event from ${server} that matches no watch it holds (a server bug, or a lost registration)`,
    paused: (c: S, until: S) => `${c} freezes until ${until} (a GC pause): no pings, no reads, while its session’s clock keeps running on the servers`,
    resumedTimedOut: (c: S, idle: S, waiting: S) => `${c} wakes after ${idle} ms without reading its server, past its read timeout: the connection counts as dead, and the ${waiting} packet(s) waiting in it are never read`,
    resumed: (c: S, idle: S, waiting: S) => `${c} wakes after ${idle} ms, within its read timeout: it reads the ${waiting} packet(s) waiting in its socket`,
    lockCreated: (c: S, node: S, zxid: S) => `${c} created its lock node ${node} (ephemeral, sequential; czxid ${zxid}, its fencing token)`,
    lockAcquired: (c: S, node: S, zxid: S) => `${c} holds the lock: ${node} is the lowest child (fencing token ${zxid})`,
    lockWaiting: (c: S, node: S, predecessor: S) => `${c} watches ${predecessor}, its predecessor, and only it (no herd): ${node} is not the lowest`,
    lockRecovering: (c: S, children: S) => `${c} lost its connection during its create: it checks whether one of the ${children} lock node(s) is its own before creating another`,
    lockRecovered: (c: S, node: S, zxid: S) => `${c} finds ${node} is its own (ephemeralOwner is its session): the lost create went through (czxid ${zxid})`,
    lockFailed: (c: S, error: S) => `${c}’s lock attempt fails: ${error}`,
    closedAnswered: (c: S, session: S) => `${c} closed session ${session}: the servers have deleted its ephemeral nodes`,
    closedUnsent: (c: S, session: S) => `${c}’s handle is closed without reaching a server (no connection to send closeSession on): session ${session} lives until the leader expires it`,
    unknown: (code: S) => `decision ${code}`,
  },

  /** Why a connection ended (ZkLoss), with the server and the silence in ms. */
  loss: {
    readTimeout: (server: S, idle: S) => `nothing heard from ${server} for ${idle} ms, past its read timeout`,
    connectTimeout: (server: S, idle: S) => `${server} did not answer its ConnectRequest within ${idle} ms`,
    reset: (server: S) => `the TCP connection was reset, ${server}’s process died`,
    refused: (server: S) => `${server} refused it`,
    xidOutOfOrder: (server: S) => `a reply from ${server} came out of order`,
    nothingPending: (server: S) => `${server} answered a request it never sent`,
    pauseTimedOut: (_server: S, idle: S) => `it paused for ${idle} ms, past its read timeout`,
    closedByServer: (server: S) => `${server} closed the socket`,
    other: (server: S) => `the connection to ${server} ended`,
  },

  // ---- what an op is, for a sentence ("c1’s getData /config") ---------------------------
  what: {
    op: (op: S, path: S) => (path ? `${op} ${path}` : op),
    read: 'read',
    write: 'write',
    opNumber: (id: S) => `op #${id}`,
    recipe: (path: S) => `lock recipe step on ${path}`,
  },
  /** A create's node kind. */
  modes: { persistent: 'persistent', ephemeral: 'ephemeral', sequential: 'sequential', ephemeralSequential: 'ephemeral, sequential' },
  anyVersion: 'any version',
  atVersion: (v: S) => `version ${v}`,
  sessionRef: (session: S) => `session ${session}`,
  newSession: 'a new session',

  // ---- headlines of a client frame ------------------------------------------------------
  heads: {
    connect: (c: S, asked: S) => `${c} calls connect, asking for a ${asked} ms session timeout`,
    connectTo: (c: S, server: S, asked: S) => `${c} calls connect to ${server}, asking for a ${asked} ms session timeout`,
    create: (c: S, path: S, data: S, mode: S) => `${c} calls create ${path} ${data} (${mode})`,
    delete: (c: S, path: S, version: S) => `${c} calls delete ${path} (${version})`,
    setData: (c: S, path: S, data: S, version: S) => `${c} calls setData ${path} ${data} (${version})`,
    read: (c: S, op: S, path: S) => `${c} calls ${op} ${path}`,
    readWatch: (c: S, op: S, path: S) => `${c} calls ${op} ${path}, leaving a watch`,
    sync: (c: S, path: S) => `${c} calls sync ${path}`,
    close: (c: S) => `${c} calls close(): it ends its session`,
    lock: (c: S, path: S) => `${c} asks for the lock ${path}`,
    unlock: (c: S, path: S) => `${c} releases the lock ${path}`,
    pause: (c: S, ms: S) => `${c} pauses for ${ms} ms`,
    // A client's timers (ZK_CLIENT_SLOTS)
    loop: (c: S) => `${c}’s SendThread wakes`,
    reconnect: (c: S) => `${c}’s back-off before reconnecting ends`,
    pauseOver: (c: S) => `${c}’s pause is over`,
    // A packet a client reads
    answered: (c: S, what: S, server: S, outcome: S) => `${server} answers ${c}’s ${what}: ${outcome}`,
    event: (c: S, event: S, path: S, server: S) => `${c} gets the watch event ${event} ${path} from ${server}`,
    accepted: (c: S, server: S) => `${server} accepts ${c}’s connection`,
    refused: (c: S, server: S) => `${server} refuses ${c}’s connection`,
    expired: (c: S, server: S) => `${server} tells ${c} its session has expired`,
    closedByServer: (c: S, server: S) => `${server} closes ${c}’s connection`,
    lockStep: (c: S, server: S) => `${c} reads ${server}’s answer to a step of its lock recipe`,
    heldWhilePaused: (c: S, server: S) => `A packet from ${server} reaches ${c}, which is paused: it waits unread in the socket`,
    pong: (c: S, server: S) => `${c} reads ${server}’s answer to its ping`,
    pongOrStep: (c: S, server: S, path: S) => `${c} reads ${server}’s answer to its ping, or to a step of its lock recipe on ${path} that decides nothing`,
    invokedDone: (head: S, outcome: S) => `${head}: answered at once, ${outcome}`,
    packet: (c: S, server: S) => `${c} reads a packet from ${server}`,
    // A packet a server reads from a client
    connectRequest: (n: S, c: S) => `${n} gets ${c}’s ConnectRequest`,
    request: (n: S, c: S, what: S) => `${n} gets ${c}’s ${what}`,
    unknownSession: (n: S, c: S) => `${n} gets a request from ${c} on a session that is not open`,
    noConnection: (n: S, c: S) => `${n} gets a packet from ${c}, with no connection for it`,
    syncHeld: (n: S, c: S) => `${n}, leading, holds ${c}’s sync until the proposals before it commit`,
    pinged: (n: S, c: S) => `${n} gets ${c}’s ping and answers it: the session is touched`,
    packetFrom: (n: S, c: S) => `${n} reads a packet from ${c}`,
    // Server to server
    revalidate: (n: S, from: S) => `${n} gets REVALIDATE from ${from}`,
    revalidateAnswer: (n: S, from: S) => `${n} gets ${from}’s answer to its REVALIDATE`,
    sessionMoved: (n: S, from: S) => `${n} hears from ${from} that a session moved`,
    syncAnswer: (n: S, from: S) => `${n} gets the leader ${from}’s answer to its SYNC`,
    // The leader's session tracker (ZAB_TIMERS.sessions)
    tracker: (n: S) => `${n}’s session tracker checks for sessions past their timeout`,
    /** A client link's packet, as a dropped message's kind ("The packet from c2 to n3 was dropped: n3 is down"). */
    packetKind: 'The packet',
  },

  // ---- outcomes, after "n2 answers c1’s getData /config: " -------------------------------
  outcome: {
    error: (error: S) => error,
    created: (path: S) => `created ${path}`,
    data: (data: S, version: S) => `${data}, version ${version}`,
    stat: (version: S) => `now at version ${version}`,
    exists: (version: S) => `it exists, version ${version}`,
    noNode: 'no such node (null)',
    children: (names: S) => `children [${names}]`,
    noChildren: 'no children',
    deleted: 'deleted',
    synced: 'synced with the leader',
    closed: 'closed',
    session: (session: S, timeout: S) => `session ${session}, timeout ${timeout} ms`,
    lockHeld: (node: S) => `the lock is held, through ${node}`,
    unlocked: 'lock released',
    ok: 'ok',
  },
};

export type ZkNarrateDict = typeof zkNarrateEn;

export const zkNarrateZh: ZkNarrateDict = {
  notes: {
    connectRefusedNotServing: (n, c, session) => `${n} 拒绝 ${c} 的 ConnectRequest（${session}）：它没有在服务（处于选举中 LOOKING，或仍在与领导者同步），于是关闭连接`,
    connectRefusedBehind: (n, c, session, theirs, ours) =>
      `${n} 拒绝 ${c} 的 ConnectRequest（${session}）：客户端已见过 zxid ${theirs}，而 ${n} 只应用到 ${ours}——客户端不能回到过去，只好换一台服务器`,
    sessionRequested: (n, c, session, timeout, asked) =>
      `${n} 为 ${c} 创建会话 ${session}，会话超时 ${timeout} ms（请求 ${asked} ms，限制在 [2, 20] × tickTime 内）；createSession 要经过领导者`,
    sessionCreated: (n, c, session, timeout, zxid) => `${n} 已应用 createSession ${session}（zxid ${zxid}）：${c} 已连接，会话超时 ${timeout} ms`,
    revalidateSent: (n, c, session, leader) => `${n} 先问领导者 ${leader}：${c} 的会话 ${session} 是否仍然有效（REVALIDATE），再让它重连`,
    revalidatedOpen: (n, session, owner) => `${n} 的会话跟踪器发现 ${session} 仍有效：刷新其超时，现归 ${owner} 管理`,
    revalidatedMoved: (n, session, owner, previous) => `${n} 的会话跟踪器发现 ${session} 仍有效：刷新其超时，并从 ${previous} 转到 ${owner}`,
    revalidatedGone: (n, session) => `${n} 的会话跟踪器里已没有 ${session}：它已过期或已关闭，重连被拒绝`,
    sessionReconnected: (n, c, session, timeout) => `${n} 接回 ${c} 的会话 ${session}（超时 ${timeout} ms）：还是同一个会话，它的监听在这里重新注册`,
    sessionInvalid: (n, c, session) => `${n} 告诉 ${c} 会话 ${session} 已不存在：回复会话 0、超时 0 的 ConnectResponse，客户端据此判定已过期（Expired）`,
    sessionUnknown: (n, c, session, xid) => `${n} 以 SessionExpired 回复 ${c} 的请求（xid ${xid}）：会话 ${session} 在这里不是有效会话`,
    noConnection: (n, c, session) => `${n} 没有 ${c} 的连接（${session}）：它没有在服务，或该会话连在另一台服务器上——无处可答`,
    readServed: (n, c, what, zxid) => `${n} 在本地用自己的树（zxid ${zxid}，据它所知领导者也在这里）回答 ${c} 的 ${what}：读请求不经过领导者`,
    readServedStale: (n, c, what, zxid, leaderZxid) => `${n} 用自己的树在 zxid ${zxid} 处回答 ${c} 的 ${what}，而领导者已到 ${leaderZxid}：本地读取，因此可能是旧数据（sync 可以解决）`,
    readQueued: (n, c, what, behind) => `${n} 把 ${c} 的 ${what} 排在同一会话的 ${behind} 个先前请求之后：会话的读要等它自己的写`,
    syncForwarded: (n, c, xid, leader) => `${n} 把 ${c} 的 sync（xid ${xid}）发给领导者 ${leader}（SYNC）：等应用完领导者已有的全部事务再回答`,
    syncDone: (n, c, xid, zxid, applied) => `${n} 回答 ${c} 的 sync（xid ${xid}）：领导者当时在 ${zxid}，${n} 已应用到 ${applied}，所以 ${c} 接下来的读不会是旧数据`,
    watchFired: (n, c, event, path, zxid) => `${n} 触发 ${c} 的监听：${event}${path}（zxid ${zxid}）；监听是一次性的，现在已经没有了`,
    watchFiredLater: (n, c, event, path, zxid, applied) => `${n} 触发 ${c} 的监听：${event}${path}（zxid ${zxid}，在 ${n} 应用到 ${applied} 时发出）；监听是一次性的，现在已经没有了`,
    sessionExpiredEnded: (n, c, session, zxid) => `${n} 已应用 ${c} 的会话 ${session} 的过期（zxid ${zxid}）：它的临时节点被删除，连接被关闭`,
    sessionClosedEnded: (n, c, session, zxid) => `${n} 已应用 closeSession ${session}（zxid ${zxid}）：${c} 关闭了会话，它的临时节点被删除`,
    sessionMovedAway: (n, c, session, to) => `${n} 断开 ${c} 的连接：会话 ${session} 已重连到 ${to}，这里的连接和监听随之作废`,
    trackerLoaded: (n, sessions) => `${n} 成为领导者，把树中 ${sessions} 个有效会话载入会话跟踪器，每个会话重新计时`,
    sessionExpiredByTracker: (n, session, timeout, at) => `${n} 使会话 ${session} 过期：${timeout} ms 内没有心跳也没有请求（其时间桶在 ${at} 到期）；closeSession 连同临时节点一起经过日志`,
    sessionExpiredLocally: (n, session, timeout, at) => `${n} 在自己的树中、绕过日志结束了会话 ${session}（bug expireWithoutLog）：空闲 ${timeout} ms（${at} 到期），而领导者从未作出这个决定`,
    treeRebuilt: (n, count) => `${n} 已应用的事务被 TRUNC 或 SNAP 替换：它用 ${count} 个已提交事务重建树，并断开客户端连接`,
    connectionsClosed: (n, clients) => `${n} 停止服务，关闭 ${clients} 个客户端连接：这些客户端立即寻找另一台服务器`,
    proposedExpiry: (n, zxid) => `${n} 提议 ${zxid}：它判定过期的会话的 closeSession，向每个跟随者发送 PROPOSAL`,
    forwardedSession: (n, c, leader) => `${n} 把 ${c} 的 createSession 转发给领导者 ${leader}：创建会话也是写操作`,
    proposedSession: (n, zxid, c) => `${n} 提议 ${zxid}：${c} 的 createSession，向每个跟随者发送 PROPOSAL`,

    connectingNew: (c, server) => `${c} 向 ${server} 发送 ConnectRequest，请求新会话`,
    connectingResume: (c, server, session, zxid) => `${c} 向 ${server} 发送 ConnectRequest，续用会话 ${session}，见过的最新 zxid 为 ${zxid}`,
    connectingWatches: (c, server, session, zxid, watches) => `${c} 向 ${server} 发送 ConnectRequest，续用会话 ${session}，见过的最新 zxid 为 ${zxid}，并用 SetWatches 重设它的 ${watches} 个监听`,
    reconnectSleep: (c, delay, server) => `${c} 先随机等待 ${delay} ms，再尝试 ${server}`,
    reconnectSpin: (c, delay, server, spin) => `${c} 等待 ${delay} ms 再尝试 ${server}：每台服务器都已试过一遍，其中 ${spin} ms 是一轮之后的停顿`,
    connected: (c, server, session, negotiated, read) => `${c} 已连接到 ${server}，会话 ${session}：协商超时 ${negotiated} ms，所以服务器沉默 ${read} ms（三分之二）后它就放弃这个连接`,
    lost: (c, server, why) => `${c} 与 ${server} 的连接断开：${why}（Disconnected）；它重新寻找服务器`,
    lostFailed: (c, server, why, failed) => `${c} 与 ${server} 的连接断开：${why}（Disconnected）；${failed} 个进行中的请求以 ConnectionLoss 失败`,
    refusedBehind: (c, server, zxid) => `${server} 落后于 ${c} 见过的 zxid（${zxid}）：${c} 尝试下一台服务器`,
    refusedNotServing: (c, server) => `${server} 没有在服务：${c} 尝试下一台服务器`,
    expired: (c, server, session) => `${server} 说会话 ${session} 已过期：${c} 的句柄失效（Expired），锁和监听都没了；之后的每个操作都以 SessionExpired 失败`,
    expiredFailed: (c, server, session, failed) => `${server} 说会话 ${session} 已过期：${c} 的句柄失效（Expired）；${failed} 个请求以 SessionExpired 失败，之后的每个操作也一样`,
    ping: (c, server, idle) => `${c} 向 ${server} 发送心跳：它已 ${idle} ms 没有发送任何东西，而长时间没有消息的会话会过期`,
    failedLocally: (c, what, error) => `${c} 的 ${what} 没有发给任何服务器就立即失败：${error}`,
    eventUnmatched: (c, server) => `${c} 收到 ${server} 的监听事件，却没有与之对应的监听（服务器的 bug，或注册丢失）`,
    paused: (c, until) => `${c} 冻结到 ${until}（GC 停顿）：不发心跳、不读数据，而服务器上它的会话仍在计时`,
    resumedTimedOut: (c, idle, waiting) => `${c} 醒来时已 ${idle} ms 没有读取服务器，超过读超时：连接被视为已断，其中等待的 ${waiting} 个数据包不会再被读取`,
    resumed: (c, idle, waiting) => `${c} 在 ${idle} ms 后醒来，仍在读超时之内：读取连接中等待的 ${waiting} 个数据包`,
    lockCreated: (c, node, zxid) => `${c} 创建了自己的锁节点 ${node}（临时顺序节点；czxid ${zxid}，即它的防护令牌（fencing token））`,
    lockAcquired: (c, node, zxid) => `${c} 获得锁：${node} 是最小的子节点（防护令牌 ${zxid}）`,
    lockWaiting: (c, node, predecessor) => `${c} 只监听它的前一个节点 ${predecessor}（避免羊群效应）：${node} 不是最小的`,
    lockRecovering: (c, children) => `${c} 在创建锁节点时断开了连接：先检查 ${children} 个锁节点中是否有自己的，再决定是否重新创建`,
    lockRecovered: (c, node, zxid) => `${c} 发现 ${node} 是自己的（ephemeralOwner 是它的会话）：断线前的创建已成功（czxid ${zxid}）`,
    lockFailed: (c, error) => `${c} 获取锁失败：${error}`,
    closedAnswered: (c, session) => `${c} 已关闭会话 ${session}：服务器已删除它的临时节点`,
    closedUnsent: (c, session) => `${c} 的句柄没有联系到任何服务器就关闭了（没有连接可以发送 closeSession）：会话 ${session} 一直存在，直到领导者使其过期`,
    unknown: (code) => `决定 ${code}`,
  },

  loss: {
    readTimeout: (server, idle) => `已 ${idle} ms 没有收到 ${server} 的消息，超过读超时`,
    connectTimeout: (server, idle) => `${server} 在 ${idle} ms 内没有回应它的 ConnectRequest`,
    reset: (server) => `TCP 连接被重置，${server} 的进程已宕机`,
    refused: (server) => `${server} 拒绝了连接`,
    xidOutOfOrder: (server) => `${server} 的回复乱序到达`,
    nothingPending: (server) => `${server} 回复了一个它从未发出的请求`,
    pauseTimedOut: (_server, idle) => `它停顿了 ${idle} ms，超过读超时`,
    closedByServer: (server) => `${server} 关闭了连接`,
    other: (server) => `与 ${server} 的连接结束`,
  },

  what: {
    op: (op, path) => (path ? `${op} ${path}` : op),
    read: '读请求',
    write: '写请求',
    opNumber: (id) => `第 ${id} 个操作`,
    recipe: (path) => `${path} 上的锁流程请求`,
  },
  modes: { persistent: '持久节点', ephemeral: '临时节点', sequential: '顺序节点', ephemeralSequential: '临时顺序节点' },
  anyVersion: '任意版本',
  atVersion: (v) => `版本 ${v}`,
  sessionRef: (session) => `会话 ${session}`,
  newSession: '新会话',

  heads: {
    connect: (c, asked) => `${c} 调用 connect，请求 ${asked} ms 的会话超时`,
    connectTo: (c, server, asked) => `${c} 调用 connect 连接 ${server}，请求 ${asked} ms 的会话超时`,
    create: (c, path, data, mode) => `${c} 调用 create ${path} ${data}（${mode}）`,
    delete: (c, path, version) => `${c} 调用 delete ${path}（${version}）`,
    setData: (c, path, data, version) => `${c} 调用 setData ${path} ${data}（${version}）`,
    read: (c, op, path) => `${c} 调用 ${op} ${path}`,
    readWatch: (c, op, path) => `${c} 调用 ${op} ${path}，并设置监听`,
    sync: (c, path) => `${c} 调用 sync ${path}`,
    close: (c) => `${c} 调用 close()：结束它的会话`,
    lock: (c, path) => `${c} 申请锁 ${path}`,
    unlock: (c, path) => `${c} 释放锁 ${path}`,
    pause: (c, ms) => `${c} 停顿 ${ms} ms`,
    loop: (c) => `${c} 的 SendThread 醒来`,
    reconnect: (c) => `${c} 重连前的等待结束`,
    pauseOver: (c) => `${c} 的停顿结束`,
    answered: (c, what, server, outcome) => `${server} 回答 ${c} 的 ${what}：${outcome}`,
    event: (c, event, path, server) => `${c} 收到 ${server} 发来的监听事件 ${event} ${path}`,
    accepted: (c, server) => `${server} 接受 ${c} 的连接`,
    refused: (c, server) => `${server} 拒绝 ${c} 的连接`,
    expired: (c, server) => `${server} 告诉 ${c} 它的会话已过期`,
    closedByServer: (c, server) => `${server} 关闭 ${c} 的连接`,
    lockStep: (c, server) => `${c} 读取 ${server} 对它锁流程中一步的回答`,
    heldWhilePaused: (c, server) => `${server} 的数据包到达正在停顿的 ${c}：它留在连接中无人读取`,
    pong: (c, server) => `${c} 读取 ${server} 对它心跳的回复`,
    pongOrStep: (c, server, path) => `${c} 读取 ${server} 对它心跳的回复，或对它在 ${path} 上锁流程中某一步（不作决定）的回答`,
    invokedDone: (head, outcome) => `${head}：立即得到回答，${outcome}`,
    packet: (c, server) => `${c} 读取 ${server} 发来的数据包`,
    connectRequest: (n, c) => `${n} 收到 ${c} 的 ConnectRequest`,
    request: (n, c, what) => `${n} 收到 ${c} 的 ${what}`,
    unknownSession: (n, c) => `${n} 收到 ${c} 在无效会话上的请求`,
    noConnection: (n, c) => `${n} 收到 ${c} 的数据包，但没有它的连接`,
    syncHeld: (n, c) => `${n}（领导者）暂不回答 ${c} 的 sync，直到它之前的提议都已提交`,
    pinged: (n, c) => `${n} 收到 ${c} 的心跳并回复：会话的超时被刷新`,
    packetFrom: (n, c) => `${n} 读取 ${c} 发来的数据包`,
    revalidate: (n, from) => `${n} 收到 ${from} 的 REVALIDATE`,
    revalidateAnswer: (n, from) => `${n} 收到 ${from} 对其 REVALIDATE 的回答`,
    sessionMoved: (n, from) => `${n} 从 ${from} 得知一个会话已迁移`,
    syncAnswer: (n, from) => `${n} 收到领导者 ${from} 对其 SYNC 的回答`,
    tracker: (n) => `${n} 的会话跟踪器检查超时的会话`,
    packetKind: '数据包',
  },

  outcome: {
    error: (error) => error,
    created: (path) => `已创建 ${path}`,
    data: (data, version) => `${data}，版本 ${version}`,
    stat: (version) => `现为版本 ${version}`,
    exists: (version) => `节点存在，版本 ${version}`,
    noNode: '节点不存在（null）',
    children: (names) => `子节点 [${names}]`,
    noChildren: '没有子节点',
    deleted: '已删除',
    synced: '已与领导者同步',
    closed: '已关闭',
    session: (session, timeout) => `会话 ${session}，超时 ${timeout} ms`,
    lockHeld: (node) => `已持有锁，锁节点为 ${node}`,
    unlocked: '锁已释放',
    ok: '成功',
  },
};

const DICTS: Record<Lang, ZkNarrateDict> = { en: zkNarrateEn, zh: zkNarrateZh };

/** The narration's strings in a language. */
export function zkNarrateDict(lang: Lang): ZkNarrateDict {
  return DICTS[lang];
}

export const allZkNarrateDicts = DICTS;
