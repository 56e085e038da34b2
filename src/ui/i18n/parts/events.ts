/**
 * Headlines every protocol's narration shares: a message delivered or dropped, a timer, the
 * simulator's actions (crash, partition, a client's request...). The message kind arrives
 * already named by the protocol. Used by src/ui/views/narrate.ts.
 */

/** A node as written in sentences: "n3". Client actors: "c1". */
type N = string;

/** A word inserted into Chinese text: spaced where it begins or ends in Latin (RequestVote), not where it is Chinese (心跳). */
const mid = (w: string) => `${/^[A-Za-z0-9]/.test(w) ? ' ' : ''}${w}${/[A-Za-z0-9]$/.test(w) ? ' ' : ''}`;

export const eventsEn = {
  events: {
    deliver: (to: N, kind: string, from: N) => `${to} received ${kind} from ${from}`,
    dropLost: (kind: string, from: N, to: N) => `${kind} from ${from} to ${to} was lost in the network`,
    dropLinkDown: (kind: string, from: N, to: N) => `${kind} from ${from} to ${to} was dropped: the link is down`,
    dropNodeDown: (kind: string, from: N, to: N) => `${kind} from ${from} to ${to} was dropped: ${to} is down`,
    timer: (n: N) => `${n}’s timer fired`,
    clientTimer: (c: N) => `${c} timed out waiting for an answer`,
    actionCrash: (n: N) => `${n} crashed`,
    actionRestart: (n: N) => `${n} restarted`,
    actionPartition: (groups: string) => `Network partitioned: ${groups}`,
    actionCut: (from: N, to: N) => `Link ${from} → ${to} cut`,
    actionMend: (from: N, to: N) => `Link ${from} → ${to} mended`,
    /** A service client's links (both ways) with one server, or with all when `server` is ''. */
    actionCutClient: (c: N, server: N) => (server ? `${c}’s link with ${server} cut, both ways` : `${c} cut off from every server`),
    actionMendClient: (c: N, server: N) => (server ? `${c}’s link with ${server} mended` : `${c} can reach every server again`),
    actionHeal: 'Network healed: every link is up',
    actionRequest: (value: string, to: N) => `A client sends “${value}”${to ? ` to ${to}` : ' to the leader'}`,
  },
};

export const eventsZh: typeof eventsEn = {
  events: {
    deliver: (to: N, kind: string, from: N) => `${to} 收到 ${from} 的${mid(kind).trimEnd()}`,
    dropLost: (kind: string, from: N, to: N) => `${from} 发往 ${to} 的${mid(kind)}在网络中丢失`,
    dropLinkDown: (kind: string, from: N, to: N) => `${from} 发往 ${to} 的${mid(kind)}被丢弃：链路不通`,
    dropNodeDown: (kind: string, from: N, to: N) => `${from} 发往 ${to} 的${mid(kind)}被丢弃：${to} 已宕机`,
    timer: (n: N) => `${n} 的定时器到期`,
    clientTimer: (c: N) => `${c} 等待回复超时`,
    actionCrash: (n: N) => `${n} 宕机`,
    actionRestart: (n: N) => `${n} 重启`,
    actionPartition: (groups: string) => `网络分区：${groups}`,
    actionCut: (from: N, to: N) => `单向断链：${from} → ${to}`,
    actionMend: (from: N, to: N) => `链路恢复：${from} → ${to}`,
    actionCutClient: (c: N, server: N) => (server ? `${c} 与 ${server} 之间的链路双向断开` : `${c} 与所有服务器断开`),
    actionMendClient: (c: N, server: N) => (server ? `${c} 与 ${server} 之间的链路恢复` : `${c} 重新连得上所有服务器`),
    actionHeal: '恢复网络：所有链路恢复正常',
    actionRequest: (value: string, to: N) => `客户端发送“${value}”${to ? `给 ${to}` : '给领导者'}`,
  },
};
