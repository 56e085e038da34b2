/**
 * Strings of one area of the app (sim), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 *
 * simNarr: narration of the user's `timeout` and `drop` actions and their outcomes, of a
 * closed connection (a crashed peer, EventType.Disconnect), of a
 * message the user dropped, of Raft's notes for them and for a request refused with no
 * leader, and of a client's view of its request (src/ui/raft/narrate.ts chooses).
 */
type N = string;

export const simEn = {
  simNarr: {
    // Headlines
    actionTimeout: (n: N) => `${n}’s election timer is made to fire now`,
    actionDrop: (nth: string, from: N, to: N) => `The user drops message #${nth} from ${from} to ${to}`,
    actionAdd: (n: N) => `${n} joins the cluster`,
    actionRemove: (n: N) => `${n} leaves the cluster for good`,
    /** state: 1 a member, 2 removed. */
    addNotAbsent: (n: N, state: number) => (state === 2 ? `${n} was removed: ids are never reused, nothing happens` : `${n} is already a member: nothing happens`),
    /** state: 0 not added yet, 2 removed. */
    removeNotMember: (n: N, state: number) => (state === 2 ? `${n} was already removed: nothing happens` : `${n} has not joined: nothing to remove`),
    notMember: (n: N, state: number) => (state === 2 ? `${n} was removed for good: nothing happens` : `${n} has not joined yet: nothing happens`),
    dropByUser: (kind: string, from: N, to: N) => `${kind} from ${from} to ${to} never arrives: the user dropped it`,
    clientBackoffOver: (c: N) => `${c} has waited: it asks again`,
    /** EventType.Disconnect, for any protocol: the peer's process crashed and its connections closed. */
    disconnect: (n: N, peer: N) => `${n} notices its connection to ${peer} closed`,
    // The simulator's notes
    timeoutNodeDown: (n: N) => `${n} is down: it has no timer to fire, nothing happens`,
    dropDone: (nth: string, from: N, to: N) => `Message #${nth} from ${from} to ${to} is lost in flight`,
    dropAlreadyArrived: (nth: string, from: N, to: N) => `Nothing to drop: message #${nth} from ${from} to ${to} is no longer in flight (it has arrived)`,
    dropNeverSent: (nth: string, from: N, to: N, sent: string) =>
      sent === '0'
        ? `Nothing to drop: ${from} has not sent any message to ${to} yet`
        : `Nothing to drop: ${from} has sent only ${sent} ${sent === '1' ? 'message' : 'messages'} to ${to} so far, so there is no #${nth}`,
    dropAlreadyLost: (nth: string, from: N, to: N) => `Nothing to drop: message #${nth} from ${from} to ${to} is already lost`,
    clientNoLeader: (c: N, req: string, server: N) => `${server} knows no leader: ${c}’s ${req} is refused (etcd: “no leader”)`,
    clientRedirected: (c: N, req: string, server: N, leader: N) => `${server} is not the leader: ${c} is told to send ${req} to ${leader}`,
    clientRetry: (c: N, req: string, server: N, attempt: string) => `${c} sends ${req} again, to ${server} (attempt ${attempt})`,
    clientBackoff: (c: N, req: string, ms: string, server: N) => `${c} waits ${ms} ms for an election before sending ${req} to ${server}`,
    clientFailedRefused: (c: N, req: string) => `${c}’s ${req} failed: refused, and the client does not retry`,
    clientFailedTimedOut: (c: N, req: string, attempts: string) => `${c} gives up on ${req}: no answer after ${attempts} ${attempts === '1' ? 'attempt' : 'attempts'} (it may still commit)`,
    clientFailedExhausted: (c: N, req: string, attempts: string) => `${c}’s ${req} failed: refused ${attempts} times`,
    clientSucceeded: (c: N, req: string, index: string, server: N) => `${c}’s ${req} succeeded: ${server} committed it at index ${index}`,
    clientTimedOut: (c: N, req: string, server: N) => `${c} heard nothing from ${server} about ${req} in time`,
    // Raft's notes
    clientRefusedNoLeader: (n: N, term: string) => `${n} is not the leader and knows none in term ${term}: it refuses the request`,
    timeoutIgnoredLeader: (n: N, term: string) => `${n} is the leader of term ${term}: it ignores the time-out (etcd: “ignoring MsgHup because already leader”)`,
    timeoutNow: (n: N, term: string) => `${n}’s election timer fires early (it was in term ${term}): it campaigns now`,
    /** A client's request, by its number. */
    requestNo: (id: string) => `request #${id}`,
  },
};

export const simZh: typeof simEn = {
  simNarr: {
    actionTimeout: (n) => `让 ${n} 的选举定时器立即到期`,
    actionDrop: (nth, from, to) => `用户丢弃 ${from} 发往 ${to} 的第 ${nth} 条消息`,
    actionAdd: (n) => `${n} 加入集群`,
    actionRemove: (n) => `${n} 永久离开集群`,
    addNotAbsent: (n, state) => (state === 2 ? `${n} 已被移除：编号不会复用，什么也不发生` : `${n} 已经是成员：什么也不发生`),
    removeNotMember: (n, state) => (state === 2 ? `${n} 早已移除：什么也不发生` : `${n} 尚未加入：无可移除`),
    notMember: (n, state) => (state === 2 ? `${n} 已被永久移除：什么也不发生` : `${n} 尚未加入：什么也不发生`),
    dropByUser: (kind, from, to) => `${from} 发往 ${to} 的 ${kind} 没有送达：被用户丢弃`,
    clientBackoffOver: (c) => `${c} 等待结束：再次发送请求`,
    disconnect: (n, peer) => `${n} 发现它与 ${peer} 的连接已关闭`,
    timeoutNodeDown: (n) => `${n} 已宕机：没有定时器可以到期，什么也不发生`,
    dropDone: (nth, from, to) => `${from} 发往 ${to} 的第 ${nth} 条消息在传输中丢失`,
    dropAlreadyArrived: (nth, from, to) => `没有可丢弃的消息：${from} 发往 ${to} 的第 ${nth} 条消息已不在传输中（已送达）`,
    dropNeverSent: (nth, from, to, sent) =>
      sent === '0' ? `没有可丢弃的消息：${from} 还没有向 ${to} 发送过消息` : `没有可丢弃的消息：${from} 到目前只向 ${to} 发送过 ${sent} 条消息，没有第 ${nth} 条`,
    dropAlreadyLost: (nth, from, to) => `没有可丢弃的消息：${from} 发往 ${to} 的第 ${nth} 条消息已经丢失`,
    clientNoLeader: (c, req, server) => `${server} 不知道领导者：${c} 的${req} 被拒绝（etcd：“no leader”）`,
    clientRedirected: (c, req, server, leader) => `${server} 不是领导者：让 ${c} 把${req} 发给 ${leader}`,
    clientRetry: (c, req, server, attempt) => `${c} 再次发送${req}，发给 ${server}（第 ${attempt} 次尝试）`,
    clientBackoff: (c, req, ms, server) => `${c} 等待 ${ms} 毫秒让选举完成，再把${req} 发给 ${server}`,
    clientFailedRefused: (c, req) => `${c} 的${req} 失败：被拒绝，且客户端不重试`,
    clientFailedTimedOut: (c, req, attempts) => `${c} 放弃${req}：尝试 ${attempts} 次都没有回复（它仍可能被提交）`,
    clientFailedExhausted: (c, req, attempts) => `${c} 的${req} 失败：被拒绝 ${attempts} 次`,
    clientSucceeded: (c, req, index, server) => `${c} 的${req} 成功：${server} 已在索引 ${index} 提交`,
    clientTimedOut: (c, req, server) => `${c} 没有及时收到 ${server} 关于${req} 的回复`,
    clientRefusedNoLeader: (n, term) => `${n} 不是领导者，且不知道任期 ${term} 的领导者：拒绝该请求`,
    timeoutIgnoredLeader: (n, term) => `${n} 是任期 ${term} 的领导者：忽略超时（etcd：“ignoring MsgHup because already leader”）`,
    timeoutNow: (n, term) => `${n} 的选举定时器提前到期（原任期 ${term}）：立即发起选举`,
    requestNo: (id) => `请求 #${id}`,
  },
};
