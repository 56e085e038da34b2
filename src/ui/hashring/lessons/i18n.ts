/**
 * The hash ring's lesson texts: per lesson its title, its premise (blurb) and one sentence
 * per stop of HASHRING_LESSON_META[name].stops, in English and Chinese (GLOSSARY.md terms).
 * Read through src/ui/lessons.ts `lessonText`. Every number in a sentence is the run's: the
 * tests in tests/unit/hashring-lessons/ compute each one from the simulation at its stop
 * (the router's changes, the 'ring', 'cvCurve' and 'compare' queries, the experiments) and
 * check that both languages state it.
 *
 * The corrections (ring-detector's formula, ring-not-zookeeper's myth) state the claim
 * neutrally, then the run shows the real system, then the text says plainly what was wrong.
 */
import type { Lang } from '../../../store/types';
import type { LessonText } from '../../lessons';
import type { HashringLessonName } from './meta';

type Texts = Record<HashringLessonName, LessonText>;

const en: Texts = {
  'ring-add-remove': {
    title: 'Hash ring · add and remove a node: only about 1/N of the keys move',
    blurb:
      'Ten nodes, each with 100 virtual nodes (points) on a ring of 32-bit positions, and 10,000 keys. A key belongs to the first point clockwise of its hash, and its R = 3 replicas to the next three distinct nodes (its preference list). When a node leaves or joins, only the keys whose owner must change move: about 1/N of them.',
    stops: [
      'The ring is settled: every node heartbeats to the router, which owns the ring. Each node holds between 806 and 1,065 of the 10,000 keys as primary (the mean is 1,000).',
      'The operator removes n4. Only n4’s keys move: 1,039 keys, each to the next node clockwise — the ideal is 1/N = 10,000 / 10 = 1,000. No other key changes its primary.',
      'n11 joins. 1,003 keys move, all onto n11, taken from every other node’s arcs — the ideal is 1/(N+1) = 10,000 / 10 = 1,000. No key moves between the old nodes.',
      'Two changes, about a tenth of the keys each. Hashing modulo the node count would have moved 8,959 of the 10,000 keys on n4’s removal alone: a key stays only where h mod 10 = h mod 9.',
    ],
  },
  'ring-vnodes': {
    title: 'Hash ring · virtual nodes even out the load',
    blurb:
      'Ten nodes with a single point each on the ring, and 10,000 keys. A node owns the arc before its point, and ten random points cut the ring into very unequal arcs. Giving each node many points (virtual nodes) averages the arcs out: the coefficient of variation (CV) of keys per node falls as about 1/√v.',
    stops: [
      'One point per node: the busiest node holds 3,362 keys, the least busy 121 (the mean is 1,000). The CV — standard deviation over mean — is 1.03.',
      'The panel’s chart runs this ring with more points per node: CV 0.25 with 10, 0.073 with 100, 0.033 with 1,000, close to the formula √((N−1)/(N·v+1)) (0.90 for one point, 0.095 for 100).',
      'n11 joins with its one point: 244 keys move, all from n2, whose arc it splits. With a single point, a newcomer relieves one neighbour and nobody else.',
      'With 100 points per node, the same arrival takes 937 keys from all ten nodes (14 to 157 from each): virtual nodes spread a change’s load as they spread the keys.',
    ],
  },
  'ring-replicas': {
    title: 'Hash ring · replicas: a node dies and its keys are still served',
    blurb:
      'Six nodes, 10,000 keys, R = 3: every key lives on three distinct nodes. The router declares a node down after 500 ms without a heartbeat (a timeout detector, heartbeats every 100 ms). When n3 crashes, each of its keys still has two live replicas; once n3 is declared down, the ring replaces it and every key is back to three copies.',
    stops: ['…', '…', '…', '…', '…'],
  },
  'ring-schemes': {
    title: 'Hash ring · jump, rendezvous and bounded loads beside the ring',
    blurb:
      'Four ways to place 10,000 keys on ten nodes, compared on the same changes (the panel’s comparison): the ring with 10 points per node; jump consistent hash (Lamping & Veach: no table, buckets 0..n−1); rendezvous hashing (each key goes to the node with the highest hash of key and node); and the ring with bounded loads (Mirrokni et al.: no node above ⌈c · keys / nodes⌉, c = 1.25).',
    stops: [
      'The load: the ring with 10 points per node has a busiest node at 1.48× the mean; jump 1.04×, rendezvous 1.05×, both without points; bounded loads caps every node at 1,250 keys (1.25×).',
      'n4, a node in the middle, leaves. The ring moves its 1,475 keys; rendezvous 985; bounded loads 1,669 (overflow from the cap moves on); jump 6,874 — jump numbers its buckets 0..n−1 and can only drop the last one, so removing n4 renumbers every bucket after it.',
      'n10, the last bucket, leaves. Now jump moves only its keys: 1,094, the ideal 1/N (10,000 / 9 ≈ 1,111). The ring moves 872, rendezvous 1,065, bounded loads 1,418.',
      'n11 joins as the new last bucket: jump moves 1,094 keys, all onto n11. Bounded loads moved 1,749, and 174 of them onto n2 and 186 onto n9, not the newcomer: the cap trades minimal movement for an even load.',
    ],
  },
  'ring-detector': {
    title: 'Hash ring · how fast can a dead node be detected?',
    blurb: '…',
    stops: ['…', '…', '…', '…', '…'],
  },
  'ring-not-zookeeper': {
    title: 'Hash ring · ZooKeeper does not shard by consistent hashing',
    blurb:
      'A common description says ZooKeeper distributes its data over its servers by consistent hashing. This lesson puts the two side by side, from real runs (the panel): a five-server ZooKeeper ensemble committing 12 writes, and a ring of five nodes holding 12 keys with R = 3.',
    stops: ['…', '…', '…', '…'],
  },
};

const zh: Texts = {
  'ring-add-remove': {
    title: '哈希环 · 增删节点：只有约 1/N 的键迁移',
    blurb:
      '十个节点，每个在 32 位位置的哈希环上有 100 个虚拟节点（点），共 10,000 个键。一个键属于其哈希值顺时针方向的第一个点，它的 R = 3 个副本属于随后三个不同的节点（它的优先列表）。节点离开或加入时，只有必须换主的键才迁移：约 1/N。',
    stops: [
      '哈希环已稳定：每个节点向路由器发送心跳，路由器维护哈希环。每个节点作为主副本持有 10,000 个键中的 806 到 1,065 个（平均 1,000）。',
      '运维移除 n4。只有 n4 的键迁移：1,039 个键，各自迁到顺时针方向的下一个节点——理想值是 1/N = 10,000 / 10 = 1,000。其他键的主副本都不变。',
      'n11 加入。1,003 个键迁移，全部迁到 n11，取自其他每个节点的弧段——理想值是 1/(N+1) = 10,000 / 10 = 1,000。旧节点之间没有键迁移。',
      '两次变更，每次约十分之一的键。若按节点数取模，仅移除 n4 一次就会迁移 10,000 个键中的 8,959 个：只有 h mod 10 = h mod 9 的键才留在原处。',
    ],
  },
  'ring-vnodes': {
    title: '哈希环 · 虚拟节点让负载均衡',
    blurb:
      '十个节点，每个在哈希环上只有一个点，共 10,000 个键。节点拥有其点之前的弧段，十个随机的点把环切成长短悬殊的弧段。给每个节点许多点（虚拟节点）能把弧段平均开：每节点键数的变异系数（CV）约按 1/√v 下降。',
    stops: [
      '每个节点一个点：最忙的节点持有 3,362 个键，最闲的 121 个（平均 1,000）。CV——标准差除以平均值——为 1.03。',
      '面板的图表以更多的点重新计算这个环：10 个点时 CV 为 0.25，100 个点 0.073，1,000 个点 0.033，接近公式 √((N−1)/(N·v+1))（一个点时 0.90，100 个点时 0.095）。',
      'n11 带着它唯一的点加入：244 个键迁移，全部来自 n2——它切开的正是 n2 的弧段。只有一个点时，新节点只分担一个邻居的负载。',
      '每个节点 100 个点时，同样的加入从全部十个节点取走 937 个键（每个 14 到 157 个）：虚拟节点把一次变更的负载也像键一样分散开。',
    ],
  },
  'ring-replicas': {
    title: '哈希环 · 副本：节点宕机，它的键仍有人服务',
    blurb:
      '六个节点，10,000 个键，R = 3：每个键存放在三个不同的节点上。路由器在 500 毫秒没有收到心跳后判定节点下线（超时故障检测器，每 100 毫秒一次心跳）。n3 宕机时，它的每个键仍有两个存活的副本；n3 被判定下线后，哈希环用其他节点替代它，每个键重新有三个副本。',
    stops: ['…', '…', '…', '…', '…'],
  },
  'ring-schemes': {
    title: '哈希环 · 跳跃哈希、汇合哈希与有界负载，与哈希环对照',
    blurb:
      '把 10,000 个键放到十个节点上的四种方法，在同样的变更上比较（面板的对照表）：每节点 10 个点的哈希环；跳跃一致性哈希（Lamping 与 Veach：没有表，桶编号 0..n−1）；汇合哈希（rendezvous：每个键去往键与节点联合哈希值最高的节点）；以及有界负载的哈希环（Mirrokni 等：任何节点不超过 ⌈c · 键数 / 节点数⌉，c = 1.25）。',
    stops: [
      '负载：每节点 10 个点的哈希环，最忙节点是平均值的 1.48 倍；跳跃哈希 1.04 倍，汇合哈希 1.05 倍，二者都不需要点；有界负载把每个节点限制在 1,250 个键（1.25 倍）。',
      '中间的节点 n4 离开。哈希环迁移它的 1,475 个键；汇合哈希 985 个；有界负载 1,669 个（超出上限的部分继续往后迁）；跳跃哈希 6,874 个——跳跃哈希的桶编号为 0..n−1，只能去掉最后一个桶，移除 n4 会让它之后的每个桶都重新编号。',
      '最后一个桶 n10 离开。这次跳跃哈希只迁移它的键：1,094 个，即理想的 1/N（10,000 / 9 ≈ 1,111）。哈希环迁移 872 个，汇合哈希 1,065 个，有界负载 1,418 个。',
      'n11 作为新的最后一个桶加入：跳跃哈希迁移 1,094 个键，全部迁到 n11。有界负载迁移了 1,749 个，其中 174 个迁到 n2、186 个迁到 n9，而不是新节点：上限以最少迁移为代价换来了均衡的负载。',
    ],
  },
  'ring-detector': {
    title: '哈希环 · 多快能发现一个节点死了？',
    blurb: '…',
    stops: ['…', '…', '…', '…', '…'],
  },
  'ring-not-zookeeper': {
    title: '哈希环 · ZooKeeper 并不用一致性哈希分片',
    blurb:
      '一种常见的说法是，ZooKeeper 用一致性哈希把数据分布到各台服务器上。本课把两者放在一起，均来自真实的运行（见面板）：一个五台服务器的 ZooKeeper 集群提交 12 次写入，以及一个五节点、R = 3、持有 12 个键的哈希环。',
    stops: ['…', '…', '…', '…'],
  },
};

export const HASHRING_LESSON_TEXT: Record<Lang, Texts> = { en, zh };
