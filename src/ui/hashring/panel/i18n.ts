/**
 * The hash ring's side panel and inspector: every string they show, in English and Chinese.
 * The English object's shape is the type the Chinese one must match, so a missing translation
 * is a compile error. Parameterised strings are functions; numbers arrive formatted (Intl, in
 * the language's own grouping), node names as `n3`.
 *
 * Terms follow GLOSSARY.md: 一致性哈希, 哈希环, 虚拟节点, 副本, 优先列表, 键迁移, 故障检测器,
 * 心跳, 宕机 / 重启; scheme and algorithm names stay recognisable (jump hash, rendezvous / HRW,
 * φ accrual), as people search for them in those forms.
 */
import type { Lang } from '../../i18n';
import type { DetectorKind, Scheme } from '../../../core/hashring/types';

/** A node as written in sentences: "n3". */
type N = string;

export const ringPanelEn = {
  /** The panel as a whole (its region's name). */
  panelTitle: 'Ring statistics',
  loading: 'Computing the ring…',
  noRing: 'No ring yet: no node is in it.',

  // Controls
  controlsTitle: 'Ring settings',
  controlsNote: 'Each change restarts the scenario with the new setting.',
  scheme: 'Scheme',
  schemes: {
    ring: 'consistent hash ring',
    jump: 'jump consistent hash',
    rendezvous: 'rendezvous (HRW)',
    bounded: 'ring with bounded loads',
  } satisfies Record<Scheme, string>,
  /** Short names for table rows and chart labels. */
  schemesShort: { ring: 'ring', jump: 'jump', rendezvous: 'rendezvous', bounded: 'bounded' } satisfies Record<Scheme, string>,
  vnodes: 'Virtual nodes per node',
  keys: 'Keys',
  replicas: 'Replicas (R)',
  loadFactor: 'Load factor c (bounded)',
  loadFactorOff: 'Only the bounded scheme caps loads.',
  detector: 'Failure detector',
  detectors: { timeout: 'timeout', phi: 'φ accrual (Cassandra, Akka)' } satisfies Record<DetectorKind, string>,
  timeoutMs: 'Timeout (ms)',
  phiThreshold: 'φ threshold',
  heartbeatMs: 'Heartbeat interval (ms)',
  apply: 'Apply',
  /** A control's value outside its range. */
  rangeInt: (min: string, max: string) => `A whole number from ${min} to ${max}.`,
  rangeAbove: (min: string, max: string) => `A number above ${min}, at most ${max}.`,
  rangeNumber: (min: string, max: string) => `A number from ${min} to ${max}.`,
  addNode: (n: N) => `Add node ${n}`,
  addNodeButton: 'Add node',
  noFreeSlot: (max: string) => `All ${max} node slots are used (ids are never reused).`,

  // The load histogram
  loadTitle: 'Keys per node',
  loadCaption: (keys: string, nodes: string) => `${keys} keys as primary over ${nodes} nodes`,
  axisKeys: 'keys',
  mean: (m: string) => `mean ${m}`,
  cap: (c: string) => `cap ${c}`,
  cv: 'CV',
  cvHelp: 'coefficient of variation: standard deviation / mean of keys per node',
  maxOverMean: 'max/mean',
  barTitle: (n: N, keys: string, share: string) => `${n}: ${keys} keys (${share} of the mean)`,

  // Moved vs ideal
  movesTitle: 'Moved vs ideal after each change',
  movesNone: 'No ring change yet: add, remove or crash a node.',
  movesCaption: 'Keys whose primary owner changed, against the ideal share (1/N of the keys on a departure, 1/(N+1) on an arrival).',
  colTime: 'time',
  colAction: 'change',
  colNode: 'node',
  colMoved: 'moved',
  colIdeal: 'ideal',
  colFromTo: 'from → to',
  actions: { add: 'add', remove: 'remove', crash: 'declared down', restart: 'rejoined' } as Record<string, string>,
  moved: 'moved',
  ideal: 'ideal',
  fromTo: (from: string, to: string) => `${from} → ${to}`,
  flow: (n: N, count: string) => `${n} ${count}`,
  none: '—',
  movedRatio: (ratio: string) => `${ratio} × ideal`,
  movesBarTitle: (action: string, n: N, moved: string, ideal: string) => `${action} ${n}: ${moved} moved, ideal ${ideal}`,

  // CV against virtual nodes
  cvTitle: 'CV against virtual nodes',
  cvCaption: (nodes: string, keys: string) => `${nodes} nodes, ${keys} keys: measured on this ring, beside √((N−1)/(N·v+1))`,
  measured: 'measured',
  formula: 'formula',
  axisVnodes: 'virtual nodes per node (log scale)',
  current: (v: string) => `now: ${v}`,
  pointTitle: (v: string, measured: string, formula: string) => `${v} virtual nodes: CV ${measured} measured, ${formula} by the formula`,

  // Schemes side by side
  compareTitle: 'Schemes side by side',
  compareCaption: 'The same nodes and keys under each scheme; the last ring change replayed under each.',
  colScheme: 'scheme',
  colLastMoved: 'last change: moved',
  /** moved / ideal in a narrow cell. */
  ratioShort: (ratio: string) => `${ratio}×`,
  colVsIdeal: 'vs ideal',
  noChange: 'no change yet',
  current_: 'in use',
  jumpNote: 'Jump hash numbers its buckets 0..n−1: only the last can leave cheaply. Removing a node from the middle renumbers every bucket after it, and far more keys move.',

  // Look up a key
  lookupTitle: 'Look up a key',
  lookupLabel: 'Key',
  lookupHint: 'Type a key (e.g. key-42) and press Enter.',
  lookupEmpty: 'Type a key to look up.',
  lookupTooLong: (max: string) => `A key is at most ${max} characters.`,
  lookupFailed: 'The simulator did not answer the lookup.',
  lookupHash: 'hash (murmur3)',
  lookupPosition: 'position on the ring',
  positionValue: (deg: string, frac: string) => `${deg}° (${frac} of the way round)`,
  lookupOwner: 'owner (primary)',
  lookupReplicas: 'replicas (preference list)',
  noOwner: 'none: the ring is empty',
  lookupNoRingPosition: (scheme: string) => `${scheme} places keys without a ring; the hash still picks the owner.`,

  // Simplifications
  simplificationsTitle: 'What this model simplifies',
  simplifications: [
    'One router runs the failure detector and owns the ring. Dynamo and Cassandra nodes gossip instead, and each keeps its own view of who is up.',
    'A node the detector declares down leaves the ring at once and its keys move. Cassandra keeps a down node’s tokens, and its neighbours store hints for it until an operator removes it.',
  ],

  // The selected node's inspector
  fieldState: 'state',
  states: { absent: 'not added', member: 'member', removed: 'removed' } as Record<string, string>,
  alive: 'running',
  crashed: 'crashed',
  stateValue: (membership: string, life: string) => `${membership}, ${life}`,
  fieldInRing: 'in the ring',
  inRing: 'yes',
  outOfRing: 'no',
  fieldPrimary: 'keys as primary',
  fieldRank: (rank: string) => `keys as replica ${rank}`,
  fieldHeartbeats: 'heartbeats sent',
  fieldLastHeartbeat: 'last heartbeat at the router',
  lastHeartbeatValue: (at: string, ago: string) => `${at} (${ago} ago)`,
  noHeartbeat: 'none yet',
  fieldInterval: 'interval mean ± std',
  intervalValue: (mean: string, std: string, samples: string) => `${mean} ± ${std} ms (${samples} samples)`,
  fieldPhi: 'φ now',
  phiValue: (phi: string, threshold: string) => `${phi} (declared down at ${threshold})`,
  fieldTimeLeft: 'declared down in',
  timeLeftValue: (ms: string) => `${ms} ms without a heartbeat`,
  fieldDeclared: 'declared down',
  declaredYes: 'yes: out of the ring',
  declaredNo: 'no',
  notWatched: 'the router does not watch it',
  nodeNote: 'The router’s view of this node: heartbeats arrive every heartbeat interval; a silent node is declared down and leaves the ring.',
  remove: 'Remove',
  removeHelp: (n: N) => `Take ${n} out of the ring for good (an operator’s decommission)`,
};

export type RingPanelDict = typeof ringPanelEn;

export const ringPanelZh: RingPanelDict = {
  panelTitle: '哈希环统计',
  loading: '正在计算哈希环…',
  noRing: '哈希环为空：没有节点在环上。',

  controlsTitle: '哈希环设置',
  controlsNote: '每次修改都会用新设置重新开始场景。',
  scheme: '方案',
  schemes: {
    ring: '一致性哈希环',
    jump: '跳跃一致性哈希（jump hash）',
    rendezvous: '最高随机权重哈希（rendezvous / HRW）',
    bounded: '有界负载的哈希环',
  },
  schemesShort: { ring: '哈希环', jump: 'jump', rendezvous: 'rendezvous', bounded: '有界负载' },
  vnodes: '每个节点的虚拟节点数',
  keys: '键的数量',
  replicas: '副本数（R）',
  loadFactor: '负载系数 c（有界负载）',
  loadFactorOff: '只有有界负载方案限制负载。',
  detector: '故障检测器',
  detectors: { timeout: '超时', phi: 'φ 累积（Cassandra、Akka）' },
  timeoutMs: '超时（毫秒）',
  phiThreshold: 'φ 阈值',
  heartbeatMs: '心跳间隔（毫秒）',
  apply: '应用',
  rangeInt: (min, max) => `须为 ${min} 到 ${max} 之间的整数。`,
  rangeAbove: (min, max) => `须大于 ${min}，且不超过 ${max}。`,
  rangeNumber: (min, max) => `须为 ${min} 到 ${max} 之间的数。`,
  addNode: (n) => `添加节点 ${n}`,
  addNodeButton: '添加节点',
  noFreeSlot: (max) => `${max} 个节点位置都已用过（编号不会复用）。`,

  loadTitle: '每个节点的键数',
  loadCaption: (keys, nodes) => `${keys} 个键的主副本分布在 ${nodes} 个节点上`,
  axisKeys: '键数',
  mean: (m) => `均值 ${m}`,
  cap: (c) => `上限 ${c}`,
  cv: '变异系数（CV）',
  cvHelp: '变异系数：每个节点键数的标准差 / 均值',
  maxOverMean: '最大/均值',
  barTitle: (n, keys, share) => `${n}：${keys} 个键（均值的 ${share}）`,

  movesTitle: '每次变更迁移的键与理想值',
  movesNone: '哈希环尚未变更：添加、移除节点或让节点宕机。',
  movesCaption: '主副本所在节点改变的键数，与理想份额相比（节点离开时为键数的 1/N，加入时为 1/(N+1)）。',
  colTime: '时间',
  colAction: '变更',
  colNode: '节点',
  colMoved: '迁移',
  colIdeal: '理想',
  colFromTo: '从 → 到',
  actions: { add: '加入', remove: '移除', crash: '被判定宕机', restart: '重新加入' },
  moved: '迁移',
  ideal: '理想',
  fromTo: (from, to) => `${from} → ${to}`,
  flow: (n, count) => `${n} ${count}`,
  none: '—',
  movedRatio: (ratio) => `理想值的 ${ratio} 倍`,
  movesBarTitle: (action, n, moved, ideal) => `${n} ${action}：迁移 ${moved} 个键，理想 ${ideal}`,

  cvTitle: '变异系数与虚拟节点数',
  cvCaption: (nodes, keys) => `${nodes} 个节点、${keys} 个键：在此哈希环上实测，旁边是公式 √((N−1)/(N·v+1))`,
  measured: '实测',
  formula: '公式',
  axisVnodes: '每个节点的虚拟节点数（对数坐标）',
  current: (v) => `当前：${v}`,
  pointTitle: (v, measured, formula) => `${v} 个虚拟节点：实测 CV ${measured}，公式 ${formula}`,

  compareTitle: '各方案对比',
  compareCaption: '同样的节点和键，用每种方案放置；最近一次哈希环变更在每种方案下重放。',
  colScheme: '方案',
  colLastMoved: '最近变更迁移',
  ratioShort: (ratio) => `${ratio} 倍`,
  colVsIdeal: '与理想相比',
  noChange: '尚未变更',
  current_: '使用中',
  jumpNote: 'jump hash 把桶编号为 0..n−1：只有最后一个桶能低成本地离开。从中间移除一个节点会让它之后的桶全部重新编号，迁移的键远多于理想值。',

  lookupTitle: '查找键',
  lookupLabel: '键',
  lookupHint: '输入一个键（例如 key-42），按回车。',
  lookupEmpty: '请输入要查找的键。',
  lookupTooLong: (max) => `键最长 ${max} 个字符。`,
  lookupFailed: '模拟器没有响应这次查找。',
  lookupHash: '哈希值（murmur3）',
  lookupPosition: '在哈希环上的位置',
  positionValue: (deg, frac) => `${deg}°（环上 ${frac} 处）`,
  lookupOwner: '所有者（主副本）',
  lookupReplicas: '副本（优先列表）',
  noOwner: '无：哈希环为空',
  lookupNoRingPosition: (scheme) => `${scheme} 不用哈希环放置键；哈希值仍决定所有者。`,

  simplificationsTitle: '此模型的简化之处',
  simplifications: [
    '由一个路由器运行故障检测器并维护哈希环。Dynamo 和 Cassandra 的节点则通过 gossip 通信，各自维护对谁在线的判断。',
    '被故障检测器判定宕机的节点立即离开哈希环，它的键随即迁移。Cassandra 会保留宕机节点的 token，由相邻节点为它保存 hint，直到运维人员将其移除。',
  ],

  fieldState: '状态',
  states: { absent: '尚未加入', member: '成员', removed: '已移除' },
  alive: '运行中',
  crashed: '已宕机',
  stateValue: (membership, life) => `${membership}，${life}`,
  fieldInRing: '在哈希环上',
  inRing: '是',
  outOfRing: '否',
  fieldPrimary: '作为主副本的键',
  fieldRank: (rank) => `作为第 ${rank} 副本的键`,
  fieldHeartbeats: '已发送心跳',
  fieldLastHeartbeat: '路由器收到的最近心跳',
  lastHeartbeatValue: (at, ago) => `${at}（${ago} 前）`,
  noHeartbeat: '尚无',
  fieldInterval: '间隔均值 ± 标准差',
  intervalValue: (mean, std, samples) => `${mean} ± ${std} 毫秒（${samples} 个样本）`,
  fieldPhi: '当前 φ',
  phiValue: (phi, threshold) => `${phi}（达到 ${threshold} 判定宕机）`,
  fieldTimeLeft: '距判定宕机',
  timeLeftValue: (ms) => `再无心跳 ${ms} 毫秒`,
  fieldDeclared: '已判定宕机',
  declaredYes: '是：已离开哈希环',
  declaredNo: '否',
  notWatched: '路由器不再监视它',
  nodeNote: '路由器眼中的这个节点：心跳按心跳间隔到达；沉默的节点被判定宕机并离开哈希环。',
  remove: '移除',
  removeHelp: (n) => `将 ${n} 永久移出哈希环（运维下线）`,
};

const RING_PANEL_DICTS: Record<Lang, RingPanelDict> = { en: ringPanelEn, zh: ringPanelZh };

/** The panel's dictionary in a language. */
export function ringPanelDict(lang: Lang): RingPanelDict {
  return RING_PANEL_DICTS[lang];
}

/** Both, for the completeness test. */
export const allRingPanelDicts = RING_PANEL_DICTS;
