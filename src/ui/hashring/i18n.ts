/**
 * The hash ring's dictionary: every string the ring's view shows (the stage, its narration,
 * the shared ProtocolDict), in English and Chinese. The English object's shape is the type
 * the Chinese one must match, so a missing translation is a compile error. Numbers arrive
 * formatted (fmtInt), nodes as `n3`; the router (the hub at id 0) is named in words.
 *
 * Terms follow GLOSSARY.md: 一致性哈希, 哈希环, 虚拟节点, 副本, 优先列表, 再平衡 / 键迁移,
 * 故障检测器, 心跳, 宕机 / 重启. φ, phi-accrual, jump hash and rendezvous keep their English
 * names beside the Chinese where people search for them.
 */
import type { Lang } from '../i18n';

/** A node as written in sentences: "n3". */
type N = string;

export const ringEn = {
  /** data-role values: the router's view of each member. */
  roles: { member: 'member', suspect: 'suspect', down: 'down' },
  /** Unused: the ring has no generations (terms, epochs), so the view says `eras: false`. */
  eraShort: (seq: string) => `#${seq}`,
  /** The ring has no leader: the shared live region never announces one for it. */
  leaderAnnounce: (n: N, era: string) => `${n} (version ${era})`,
  noLeaderAnnounce: 'No node leads a hash ring: the router owns the ring',
  markTitles: {
    'declared-down': (n: N) => `the router declared ${n} down`,
    rejoined: (n: N) => `${n} rejoined the ring`,
  } as Record<string, (node: N, value: string) => string>,
  logTab: 'Ring',

  // The node as the page names it
  nodeName: (id: string, role: string) => `Node ${id}, ${role}`,
  /** The words drawn on the node come first, in order (its id, then its key count, "crashed" or "down"). */
  nodeStageName: (id: string, role: string, keys: string, alive: boolean) => {
    const k = `${keys} ${keys === '1' ? 'key' : 'keys'}`;
    if (role === 'down') return `Node ${id}, down, ${k}`;
    return alive ? `Node ${id}, ${k}, ${role}` : `Node ${id}, crashed, ${role}, ${k}`;
  },
  keysShort: (keys: string) => `${keys} keys`,
  crashedShort: 'crashed',

  // The stage
  stage: 'Hash ring',
  router: 'router',
  routerName: (ring: string, members: string) => `Router: ${ring} of ${members} members in the ring`,
  version: (v: string) => `ring v${v}`,
  schemeRing: (vnodes: string) => `ring · ${vnodes} virtual nodes per node`,
  schemeBounded: (vnodes: string, cap: string) => `bounded loads · at most ${cap} keys per node · ${vnodes} virtual nodes`,
  noRing: {
    jump: 'Jump hash has no ring: jump(key, N) picks a bucket; keys drawn at their hash, coloured by owner',
    rendezvous: 'Rendezvous has no ring: each key goes to the node with the highest hash(key, node)',
  } as Record<string, string>,
  keysCanvas: (keys: string, moving: string) => `${keys} keys on the ring, coloured by primary owner${moving === '0' ? '' : `; ${moving} moving`}`,
  moving: (n: string) => `${n} keys moving`,
  addNode: 'Add node',
  addNodeHelp: (n: N) => `Tell the router that ${n} joins: it takes its share of the keys`,
  noFreeSlot: 'Every node slot is used',
  ringTools: 'Ring tools',
  selectedKey: (key: string, hash: string) => `${key} at position ${hash}`,
  rank: (r: string) => `replica ${r}`,
  rankShort: (r: string) => `#${r}`,
  meterPhi: (phi: string, threshold: string) => `φ ${phi}/${threshold}`,
  meterTimeout: (ms: string, limit: string) => `${ms}/${limit} ms`,
  meterName: (n: N, level: string) => `${n}: suspicion ${level}%`,
  announceDown: (n: N) => `The router declares ${n} down; its keys move`,
  announceRejoin: (n: N) => `${n} is back in the ring`,
  announceAdded: (n: N) => `${n} joins the ring`,
  announceRemoved: (n: N) => `${n} leaves the ring`,

  // Legend
  legend: {
    heartbeat: 'heartbeat: node → router',
    'client-request': 'client request (the ring takes none)',
    'client-reply': 'refusal to the client',
    leader: 'no leader: the router in the centre owns the ring',
    suspicion: 'arc: the router’s suspicion (φ / threshold, or silence / timeout)',
    vnode: 'tick on the ring: a virtual node',
    arc: 'coloured arc: the keys that node owns',
    key: 'dot: a key at its hash, in its owner’s colour',
  } as Record<string, string>,

  // Narration
  kinds: { 1: 'heartbeat', 2: 'client request', 3: 'client reply' } as Record<number, string>,
  initial: 'Initial state: every node is in the ring',
  timerHub: 'The router’s failure detector checks its deadlines',
  timerNode: (n: N) => `${n}’s heartbeat timer fired`,
  deliverHub: (from: N) => `The router receives ${from}’s heartbeat`,
  dropHub: (from: N) => `${from}’s heartbeat to the router is lost`,
  dropHubNodeDown: (from: N) => `${from}’s heartbeat never leaves: ${from} is down`,
  dropHubLinkDown: (from: N) => `${from}’s heartbeat cannot reach the router: the link is down`,
  changeAction: { 1: 'addition', 2: 'removal', 3: 'crash noticed', 4: 'rejoin' } as Record<number, string>,
  notes: {
    heartbeatFirst: (n: N, seq: string) => `the router hears ${n}’s first heartbeat (#${seq})`,
    heartbeat: (n: N, seq: string, ms: string) => `the router hears ${n}’s heartbeat #${seq}, ${ms} ms after the previous one`,
    downTimeout: (n: N, silent: string, timeout: string) => `router declares ${n} down: no heartbeat for ${silent} ms (timeout ${timeout} ms)`,
    downPhi: (n: N, silent: string, phi: string, threshold: string) => `router declares ${n} down: no heartbeat for ${silent} ms (φ = ${phi} ≥ ${threshold})`,
    rejoined: (n: N, silent: string) => `${n} heartbeats again after ${silent} ms of silence: the router puts it back in the ring`,
    added: (n: N) => `the operator adds ${n}: the router puts its points on the ring`,
    removed: (n: N) => `the operator removes ${n} for good: its points leave the ring`,
    changed: (action: string, n: N, moved: string, ideal: string) => `ring changed (${action} of ${n}): ${moved} keys change primary owner (the ideal share is ${ideal})`,
    ignored: (n: N) => `the router ignores a heartbeat from ${n}: it is not a member`,
    stale: (n: N, seq: string, inc: string, last: string) => `the router ignores ${n}’s heartbeat #${seq}: it already counted a newer one (#${last} of start ${inc}) — a duplicate, or overtaken`,
    started: (n: N, inc: string) => (inc === '1' ? `${n} starts and sends its first heartbeat` : `${n} starts again (start ${inc}) and sends its first heartbeat`),
    unknown: (code: string) => `decision ${code}`,
  },

  invariants: {
    'Replica Count': 'Replica Count',
    'Minimal Movement': 'Minimal Movement',
    'Detection Bound': 'Detection Bound',
  } as Record<string, string>,

  /** Why an invariant broke, by Violation.why.code (src/core/hashring/checkers.ts VIOLATION_CODES); nodes as n3, keys as key-7. */
  violations: {
    extraReplica: (key: string, rank: string, n: N, want: string) => `${key} has a replica of rank ${rank} on ${n}, beyond the ${want} the ring can give`,
    missingReplica: (key: string, rank: string, _n: N, want: string) => `${key} has no owner of rank ${rank} (it needs ${want})`,
    ownerNotInRing: (key: string, rank: string, n: N) => `${key}’s replica of rank ${rank} is on ${n}, which is not in the ring`,
    duplicateReplica: (key: string, n: N, rank: string, first: string, want: string) => `${key} has ${n} as replica ${first} and ${rank}: ${want} distinct owners are needed`,
    movedBetweenStayers: (key: string, from: N, to: N) => `${key} moved from ${from} to ${to}, though both were in the ring before and after the change`,
    replicasShuffled: (key: string, before: string, after: string) => `${key}’s replicas among the nodes that stayed changed order: ${before} before, ${after} after`,
    aboveCap: (n: N, keys: string, cap: string) => `${n} holds ${keys} keys, above the cap of ${cap}`,
    notDeclaredInTime: (n: N, crashed: string, now: string, bound: string) => `${n} crashed at ${crashed} ms and is still not declared down at ${now} ms (the bound is ${bound} ms)`,
    pastPhiDeadline: (n: N, crashed: string, now: string, deadline: string) => `${n} crashed at ${crashed} ms and is still in the ring at ${now} ms, past its φ deadline of ${deadline} ms`,
  } as Record<string, (...args: string[]) => string>,

  hubName: 'router',

  switches: {} as Record<string, { name: string; help: string }>,
  bugHelp: {
    moduloHashing: 'Place keys by hash mod N instead of on a ring: almost every key moves when a node comes or goes',
    noDistinctReplicas: 'Take the next R points clockwise as the replicas, not the next R distinct nodes: one node can hold two replicas of a key',
  } as Record<string, string>,

  simplifications: [
    'One router owns the ring and runs the failure detector; Dynamo and Cassandra gossip instead, and every node keeps its own view of the ring.',
    'A node the router declares down leaves the ring at once and its keys move; Cassandra keeps a down node’s tokens and stores hints for it until it returns or is removed.',
    'Keys are the names key-0, key-1, …; moving a key takes no time and carries no data.',
    'Heartbeats go only from the nodes to the router, over the simulated network (its latency, drops and cuts).',
  ],
};

export type RingDict = typeof ringEn;

export const ringZh: RingDict = {
  roles: { member: '成员', suspect: '可疑', down: '宕机' },
  eraShort: (seq) => `#${seq}`,
  leaderAnnounce: (n, era) => `${n}（版本 ${era}）`,
  noLeaderAnnounce: '哈希环没有领导者：环由路由器掌管',
  markTitles: {
    'declared-down': (n) => `路由器判定 ${n} 宕机`,
    rejoined: (n) => `${n} 重新加入哈希环`,
  },
  logTab: '哈希环',

  nodeName: (id, role) => `节点 ${id}，${role}`,
  nodeStageName: (id, role, keys, alive) => {
    if (role === '宕机') return `节点 ${id}，宕机，${keys} 个键`;
    return alive ? `节点 ${id}，${keys} 个键，${role}` : `节点 ${id}，已宕机，${role}，${keys} 个键`;
  },
  keysShort: (keys) => `${keys} 个键`,
  crashedShort: '已宕机',

  stage: '哈希环',
  router: '路由器',
  routerName: (ring, members) => `路由器：${members} 个成员中 ${ring} 个在环上`,
  version: (v) => `环版本 ${v}`,
  schemeRing: (vnodes) => `哈希环 · 每节点 ${vnodes} 个虚拟节点`,
  schemeBounded: (vnodes, cap) => `有界负载 · 每节点至多 ${cap} 个键 · ${vnodes} 个虚拟节点`,
  noRing: {
    jump: 'Jump 哈希没有环：jump(key, N) 直接选出桶；键画在其哈希位置，按所有者着色',
    rendezvous: 'Rendezvous（最高随机权重）哈希没有环：每个键归 hash(key, node) 最大的节点',
  },
  keysCanvas: (keys, moving) => `环上 ${keys} 个键，按主所有者着色${moving === '0' ? '' : `；${moving} 个正在迁移`}`,
  moving: (n) => `${n} 个键正在迁移`,
  addNode: '添加节点',
  addNodeHelp: (n) => `通知路由器 ${n} 加入：它接过属于它的那份键`,
  noFreeSlot: '节点位置已用完',
  ringTools: '哈希环工具',
  selectedKey: (key, hash) => `${key}，位置 ${hash}`,
  rank: (r) => `第 ${r} 副本`,
  rankShort: (r) => `#${r}`,
  meterPhi: (phi, threshold) => `φ ${phi}/${threshold}`,
  meterTimeout: (ms, limit) => `${ms}/${limit} 毫秒`,
  meterName: (n, level) => `${n}：怀疑程度 ${level}%`,
  announceDown: (n) => `路由器判定 ${n} 宕机；它的键开始迁移`,
  announceRejoin: (n) => `${n} 回到哈希环`,
  announceAdded: (n) => `${n} 加入哈希环`,
  announceRemoved: (n) => `${n} 离开哈希环`,

  legend: {
    heartbeat: '心跳：节点 → 路由器',
    'client-request': '客户端请求（哈希环不接受请求）',
    'client-reply': '给客户端的拒绝',
    leader: '没有领导者：中央的路由器掌管哈希环',
    suspicion: '弧：路由器的怀疑程度（φ / 阈值，或静默时长 / 超时）',
    vnode: '环上的刻度：一个虚拟节点',
    arc: '彩色弧段：该节点拥有的键',
    key: '点：一个键，位于其哈希位置，颜色为其所有者',
  },

  kinds: { 1: '心跳', 2: '客户端请求', 3: '客户端回复' },
  initial: '初始状态：所有节点都在哈希环上',
  timerHub: '路由器的故障检测器检查各节点的截止时间',
  timerNode: (n) => `${n} 的心跳定时器触发`,
  deliverHub: (from) => `路由器收到 ${from} 的心跳`,
  dropHub: (from) => `${from} 发给路由器的心跳丢失`,
  dropHubNodeDown: (from) => `${from} 的心跳没有发出：${from} 已宕机`,
  dropHubLinkDown: (from) => `${from} 的心跳到不了路由器：链路断开`,
  changeAction: { 1: '加入', 2: '移除', 3: '宕机被发现', 4: '重新加入' },
  notes: {
    heartbeatFirst: (n, seq) => `路由器收到 ${n} 的第一个心跳（#${seq}）`,
    heartbeat: (n, seq, ms) => `路由器收到 ${n} 的心跳 #${seq}，距上一个 ${ms} 毫秒`,
    downTimeout: (n, silent, timeout) => `路由器判定 ${n} 宕机：${silent} 毫秒没有心跳（超时 ${timeout} 毫秒）`,
    downPhi: (n, silent, phi, threshold) => `路由器判定 ${n} 宕机：${silent} 毫秒没有心跳（φ = ${phi} ≥ ${threshold}）`,
    rejoined: (n, silent) => `${n} 静默 ${silent} 毫秒后重新发来心跳：路由器把它放回哈希环`,
    added: (n) => `运维加入 ${n}：路由器把它的点放上哈希环`,
    removed: (n) => `运维永久移除 ${n}：它的点离开哈希环`,
    changed: (action, n, moved, ideal) => `哈希环变化（${n} ${action}）：${moved} 个键更换主所有者（理想份额为 ${ideal}）`,
    ignored: (n) => `路由器忽略 ${n} 的心跳：它不是成员`,
    stale: (n, seq, inc, last) => `路由器忽略 ${n} 的心跳 #${seq}：已计入更新的一个（第 ${inc} 次启动的 #${last}）——重复或被后发的超过`,
    started: (n, inc) => (inc === '1' ? `${n} 启动并发送第一个心跳` : `${n} 再次启动（第 ${inc} 次启动）并发送第一个心跳`),
    unknown: (code) => `决定 ${code}`,
  },

  invariants: {
    'Replica Count': '副本数（每个键 R 个不同的存活所有者）',
    'Minimal Movement': '最少迁移（只迁移必须迁移的键）',
    'Detection Bound': '检测时限（宕机必须在时限内被发现）',
  },

  violations: {
    extraReplica: (key, rank, n, want) => `${key} 在 ${n} 上有第 ${rank} 副本，超出了哈希环能给的 ${want} 个`,
    missingReplica: (key, rank, _n, want) => `${key} 缺少第 ${rank} 副本的所有者（需要 ${want} 个）`,
    ownerNotInRing: (key, rank, n) => `${key} 的第 ${rank} 副本在 ${n} 上，而 ${n} 不在哈希环上`,
    duplicateReplica: (key, n, rank, first, want) => `${key} 的第 ${first} 和第 ${rank} 副本都在 ${n} 上：需要 ${want} 个不同的所有者`,
    movedBetweenStayers: (key, from, to) => `${key} 从 ${from} 迁移到 ${to}，而这两个节点在变化前后都在哈希环上`,
    replicasShuffled: (key, before, after) => `${key} 在留下的节点之间的副本顺序变了：之前 ${before}，之后 ${after}`,
    aboveCap: (n, keys, cap) => `${n} 持有 ${keys} 个键，超过上限 ${cap}`,
    notDeclaredInTime: (n, crashed, now, bound) => `${n} 在 ${crashed} 毫秒宕机，到 ${now} 毫秒仍未被判定宕机（时限 ${bound} 毫秒）`,
    pastPhiDeadline: (n, crashed, now, deadline) => `${n} 在 ${crashed} 毫秒宕机，到 ${now} 毫秒仍在哈希环上，已超过它的 φ 截止时间 ${deadline} 毫秒`,
  },

  hubName: '路由器',

  switches: {},
  bugHelp: {
    moduloHashing: '按 hash mod N 放置键而不用哈希环：节点一增一减，几乎所有键都要迁移',
    noDistinctReplicas: '副本取顺时针方向的下 R 个点，而不是下 R 个不同节点：一个节点可能持有同一个键的两个副本',
  },

  simplifications: [
    '由一个路由器掌管哈希环并运行故障检测器；Dynamo 和 Cassandra 用 gossip，每个节点各有自己的环视图。',
    '被路由器判定宕机的节点立即离开哈希环，它的键随即迁移；Cassandra 会保留宕机节点的 token，并为它保存 hint，直到它回来或被移除。',
    '键名为 key-0、key-1、……；键迁移不耗时，也不携带数据。',
    '心跳只从节点发往路由器，走模拟网络（有延迟、丢包和断链）。',
  ],
};

const RING_DICTS: Record<Lang, RingDict> = { en: ringEn, zh: ringZh };

/** The ring's dictionary in a language. */
export function ringDict(lang: Lang): RingDict {
  return RING_DICTS[lang];
}
