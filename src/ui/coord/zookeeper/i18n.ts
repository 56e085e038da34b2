/**
 * The ZooKeeper coordination layer's dictionary: every string its views show, in English
 * and Chinese. The English object's shape is the type the Chinese one must match, so a
 * missing translation is a compile error. Parameterised strings are functions; numbers,
 * times, sessions and zxids arrive formatted (sessions and zxids as ZooKeeper prints them,
 * `0x100000001`; clients as `c2`, servers as `n3`).
 *
 * Terms follow GLOSSARY.md: znode（数据节点）, 临时节点 / 顺序节点 / 持久节点, 会话 / 已过期,
 * 监听（Watch）, 分布式锁, 领导者, 跟随者, 事务 ID（zxid）. Op, error and event names stay
 * in English (getData, BadVersion, NodeDeleted): people search for them in those forms.
 */
import type { Lang } from '../../i18n';
import type { ZkClientStateName } from '../../../core/coord/zookeeper/client';

type S = string;

export const zkEn = {
  tabTree: 'Znodes',
  tabHistory: 'Clients',

  // The tree
  treeTitle: 'Znode tree',
  treeOf: 'Tree of server',
  serverButton: (n: S, zxid: S) => `${n} · ${zxid}`,
  serverName: (n: S, role: S, zxid: S, lag: S) => `${n}, ${role}, applied zxid ${zxid}${lag ? `, ${lag}` : ''}`,
  leaderShort: 'leader',
  followerShort: 'follower',
  downShort: 'down',
  behind: (count: S) => `${count} txns behind the leader`,
  behindEpoch: 'behind the leader (an older epoch)',
  upToDate: 'up to date',
  lagNote: (n: S, zxid: S, leaderZxid: S) => `${n} has applied up to ${zxid}; the leader is at ${leaderZxid}. Reads served by ${n} can be stale until it catches up (or the client calls sync).`,
  noTree: 'This server has no tree to show (it is down or the service has not started).',
  treeCaption: 'The tree as this server has applied it. ◷ ephemeral node (its owner’s session and client); the bold digits are a sequential node’s suffix; ◉ a data watch, ◇ a child watch set on this server; ⚡ a watch that just fired.',
  ephemeral: 'ephemeral',
  ephemeralOf: (client: S) => `ephemeral · ${client}`,
  persistent: 'persistent',
  sequential: 'sequential',
  gone: 'deleted',
  version: (v: S) => `v${v}`,
  stat: (version: S, owner: S, children: S) => `version ${version} · ephemeralOwner ${owner} · ${children} children`,
  rowName: (path: S, kind: S, stat: S, extra: S) => `${path}, ${kind}, ${stat}${extra ? `, ${extra}` : ''}`,
  ownedBy: (session: S, client: S) => `owned by session ${session} (${client})`,
  watchData: (client: S) => `◉ ${client}`,
  watchChild: (client: S) => `◇ ${client}`,
  watchTitle: (kind: S, client: S, session: S) => `${kind} watch of ${client} (session ${session}), set on this server`,
  watchedBy: (list: S) => `watched by ${list}`,
  dataWatch: 'data',
  childWatch: 'child',
  fired: (type: S, client: S) => `⚡ ${type} → ${client}`,
  firedName: (type: S, client: S) => `watch fired: ${type} delivered to ${client}`,
  unknownClient: 'no client',
  statTitle: (path: S) => `Stat of ${path}`,
  statData: 'data',
  statDescription: (lines: S) => `Stat: ${lines}`,

  // Clients on the stage
  clientShort: (c: S) => `c${c}`,
  states: { idle: 'idle', connecting: 'connecting', connected: 'connected', disconnected: 'disconnected', expired: 'expired', closed: 'closed' } satisfies Record<ZkClientStateName, string>,
  paused: 'paused',
  clientName: (c: S, state: S, server: S, session: S, left: S, paused: S, cut = '') =>
    `Client ${c}, ${state}${server ? `, ${server}` : ''}${session ? `, session ${session}` : ''}${left ? `, ${left}` : ''}${paused ? `, ${paused}` : ''}${cut ? `, ${cut}` : ''}`,
  toServer: (n: S) => `to ${n}`,
  timeLeft: (left: S, total: S) => `${left} of its ${total} time-out left`,
  pausedUntil: (t: S) => `paused until ${t}`,
  clientsLabel: 'ZooKeeper clients',
  cutOff: 'cut off',
  cutFromAll: 'cut off from every server',
  cutFrom: (list: S) => `its link to ${list} is cut`,
  cutLinkName: (c: S, n: S) => `link ${c} ⇄ ${n} cut`,
  clientMenu: (c: S) => `Client ${c}`,
  cutClient: 'Cut off from every server',
  mendClient: 'Reconnect (mend its links)',
  cutClientLink: (n: S) => `Cut only its link to ${n}`,
  mendClientLink: (n: S) => `Mend its link to ${n}`,
  pickServerHint: 'Select a server on the stage to cut just its link to it.',
  pauseClient: (t: S) => `Pause ${t} (a GC pause)`,
  closeSession: 'Close session',
  clientActions: 'Open this client’s actions',

  // The lock queue
  lockTitle: (path: S) => `lock ${path}`,
  lockQueueName: (path: S, holder: S, waiting: S) => `Lock queue of ${path}: ${holder}; ${waiting}`,
  noLock: 'no lock taken yet',
  holds: 'holds',
  waits: 'waits',
  watches: 'watches',
  creating: 'creating…',
  believes: 'believes it holds',
  staleHolder: 'believes it holds the lock, but its node is gone',
  staleShort: 'its node is gone',
  orphan: 'no client',
  entryName: (node: S, client: S, state: S, watches: S) => `${node}, ${client}, ${state}${watches ? `, watches ${watches}` : ''}`,
  holderIs: (c: S) => `held by ${c}`,
  nobodyHolds: 'nobody holds it',
  waitingList: (list: S) => `waiting: ${list}`,
  noneWaiting: 'nobody waiting',
  fence: (zxid: S) => `fencing token ${zxid}`,

  // The history
  historyTitle: 'Client history',
  historyCaption: 'Each operation as a bar on its client’s lane, from invoke to complete, with its result or error; an open bar is still pending.',
  lane: (c: S) => `client ${c}`,
  pending: 'pending',
  barName: (c: S, op: S, arg: S, from: S, to: S, result: S) => `client ${c}: ${op}${arg ? ` ${arg}` : ''}, ${from} → ${to}${result ? `, ${result}` : ''}`,
  okResult: (r: S) => `ok: ${r}`,
  errResult: (e: S) => `error: ${e}`,
  older: (n: S) => `${n} older operations not shown`,
  noOps: 'No client operation yet.',
  now: 'now',
};

export type ZkDict = typeof zkEn;

export const zkZh: ZkDict = {
  tabTree: 'znode 树',
  tabHistory: '客户端',

  treeTitle: 'znode（数据节点）树',
  treeOf: '查看服务器',
  serverButton: (n, zxid) => `${n} · ${zxid}`,
  serverName: (n, role, zxid, lag) => `${n}，${role}，已应用 zxid ${zxid}${lag ? `，${lag}` : ''}`,
  leaderShort: '领导者',
  followerShort: '跟随者',
  downShort: '宕机',
  behind: (count) => `落后领导者 ${count} 个事务`,
  behindEpoch: '落后领导者（更早的纪元）',
  upToDate: '已同步',
  lagNote: (n, zxid, leaderZxid) => `${n} 已应用到 ${zxid}，领导者已到 ${leaderZxid}。在它追上之前（或客户端调用 sync 之前），${n} 上的读可能是旧值。`,
  noTree: '这台服务器没有可显示的树（已宕机，或服务尚未启动）。',
  treeCaption: '这台服务器已应用的树。◷ 临时节点（所属会话与客户端）；粗体数字是顺序节点的后缀；◉ 数据监听、◇ 子节点监听（设在这台服务器上）；⚡ 刚刚触发的监听。',
  ephemeral: '临时节点',
  ephemeralOf: (client) => `临时 · ${client}`,
  persistent: '持久节点',
  sequential: '顺序节点',
  gone: '已删除',
  version: (v) => `v${v}`,
  stat: (version, owner, children) => `版本 ${version} · ephemeralOwner ${owner} · ${children} 个子节点`,
  rowName: (path, kind, stat, extra) => `${path}，${kind}，${stat}${extra ? `，${extra}` : ''}`,
  ownedBy: (session, client) => `属于会话 ${session}（${client}）`,
  watchData: (client) => `◉ ${client}`,
  watchChild: (client) => `◇ ${client}`,
  watchTitle: (kind, client, session) => `${client} 的${kind}监听（会话 ${session}），设在这台服务器上`,
  watchedBy: (list) => `监听者：${list}`,
  dataWatch: '数据',
  childWatch: '子节点',
  fired: (type, client) => `⚡ ${type} → ${client}`,
  firedName: (type, client) => `监听触发：${type} 已送达 ${client}`,
  unknownClient: '无客户端',
  statTitle: (path) => `${path} 的 Stat`,
  statData: '数据',
  statDescription: (lines) => `Stat：${lines}`,

  clientShort: (c) => `c${c}`,
  states: { idle: '空闲', connecting: '连接中', connected: '已连接', disconnected: '已断开', expired: '已过期', closed: '已关闭' },
  paused: '暂停',
  clientName: (c, state, server, session, left, paused, cut = '') =>
    `客户端 ${c}，${state}${server ? `，${server}` : ''}${session ? `，会话 ${session}` : ''}${left ? `，${left}` : ''}${paused ? `，${paused}` : ''}${cut ? `，${cut}` : ''}`,
  toServer: (n) => `连向 ${n}`,
  timeLeft: (left, total) => `超时（${total}）还剩 ${left}`,
  pausedUntil: (t) => `暂停到 ${t}`,
  clientsLabel: 'ZooKeeper 客户端',
  cutOff: '已断开',
  cutFromAll: '与所有服务器的连接都已切断',
  cutFrom: (list) => `到 ${list} 的链路已切断`,
  cutLinkName: (c, n) => `${c} ⇄ ${n} 的链路已切断`,
  clientMenu: (c) => `客户端 ${c}`,
  cutClient: '切断与所有服务器的连接',
  mendClient: '重新连接（修复链路）',
  cutClientLink: (n) => `只切断到 ${n} 的链路`,
  mendClientLink: (n) => `修复到 ${n} 的链路`,
  pickServerHint: '在舞台上选中一台服务器，可只切断到它的链路。',
  pauseClient: (t) => `暂停 ${t}（模拟 GC 停顿）`,
  closeSession: '关闭会话',
  clientActions: '打开这个客户端的操作',

  lockTitle: (path) => `锁 ${path}`,
  lockQueueName: (path, holder, waiting) => `${path} 的锁队列：${holder}；${waiting}`,
  noLock: '还没有人加锁',
  holds: '持有',
  waits: '等待',
  watches: '监听',
  creating: '创建中…',
  believes: '自以为持有',
  staleHolder: '自以为持有锁，但它的节点已经不在了',
  staleShort: '它的节点已不在',
  orphan: '无客户端',
  entryName: (node, client, state, watches) => `${node}，${client}，${state}${watches ? `，监听 ${watches}` : ''}`,
  holderIs: (c) => `由 ${c} 持有`,
  nobodyHolds: '无人持有',
  waitingList: (list) => `等待：${list}`,
  noneWaiting: '无人等待',
  fence: (zxid) => `防护令牌（fencing token）${zxid}`,

  historyTitle: '客户端操作历史',
  historyCaption: '每个操作是它所属客户端那一行上的一段，从发起到完成，附结果或错误；开口的段表示尚未完成。',
  lane: (c) => `客户端 ${c}`,
  pending: '未完成',
  barName: (c, op, arg, from, to, result) => `客户端 ${c}：${op}${arg ? ` ${arg}` : ''}，${from} → ${to}${result ? `，${result}` : ''}`,
  okResult: (r) => `成功：${r}`,
  errResult: (e) => `错误：${e}`,
  older: (n) => `更早的 ${n} 个操作未显示`,
  noOps: '还没有客户端操作。',
  now: '现在',
};

const ZK_DICTS: Record<Lang, ZkDict> = { en: zkEn, zh: zkZh };

export function zkDict(lang: Lang): ZkDict {
  return ZK_DICTS[lang];
}

/** Both, for the completeness test. */
export const allZkDicts = ZK_DICTS;
