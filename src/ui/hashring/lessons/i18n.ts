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
      'Counting replicas: n4 was on the preference lists of 3,228 keys (R = 3), primary for 1,039 of them. Each of those keys gets a copy on the next distinct node clockwise; the lists of the other 6,772 keys are unchanged.',
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
      'After the arrival the busiest node, n8, still holds 3,362 keys — n11 took nothing from it — and n2 is left with 27: the CV is 1.13, worse than before.',
      'With 100 points per node, the same arrival takes 937 keys from all ten nodes (14 to 157 from each): virtual nodes spread a change’s load as they spread the keys.',
    ],
  },
  'ring-replicas': {
    title: 'Hash ring · replicas: a node dies and its keys are still served',
    blurb:
      'Six nodes, 10,000 keys, R = 3: every key lives on three distinct nodes. The router declares a node down after 500 ms without a heartbeat (a timeout detector, heartbeats every 100 ms; scaled down from seconds so the lesson is short). When n3 crashes, each of its keys still has two live replicas; once n3 is declared down, the ring replaces it and every key is back to three copies.',
    stops: [
      'n3 holds a copy of 4,455 of the 10,000 keys: primary for 1,572, second replica for 1,471, third for 1,412. Each of those keys has its other two copies on two other nodes.',
      'n3 crashes. The router has not noticed — n3 is still in the ring — but every key with a copy on n3 still has two live replicas on other nodes: a read that skips the dead node to the next one on the preference list is served.',
      'No heartbeat from n3 for 500 ms (the last arrived at 912 ms): the router declares it down, 412 ms after the crash. n3’s 1,572 keys pass to their second replica, which already holds a copy, and each of the 4,455 keys gets a new third copy on the next distinct node clockwise.',
      'n3 restarts; its first heartbeat arrives 8 ms later and it rejoins: the same 1,572 keys return to it as primary. (The writes it missed would be repaired by hinted handoff or anti-entropy in Dynamo or Cassandra; this model moves ownership only.)',
      'Every key had three distinct owners before the crash and after the ring changed, and never fewer than two live ones in between: R replicas keep a key served through R − 1 failures of its nodes.',
    ],
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
      'After the three changes: the ring’s busiest node is at 1.47× the mean, jump’s 1.04×, rendezvous’s 1.04×, and bounded loads sits at its cap of 1,389 keys. Jump needs no memory and balances best but only grows or shrinks at the end — fit for numbered shards, not for servers that fail; rendezvous computes a hash per node for every lookup; bounded loads is what load balancers use when no backend may be overloaded (HAProxy’s hash-balance-factor).',
    ],
  },
  'ring-detector': {
    title: 'Hash ring · how fast can a dead node be detected?',
    blurb:
      'Five nodes heartbeat to the router every 100 ms over a bad network: one message in ten is lost, and latency varies from 5 to 120 ms. A timeout detector declares a node down after 300 ms of silence. How fast is a crash noticed, and what does a quick detector cost? The chart beside the ring measures it for many settings, each point from real runs of this router.',
    stops: [
      'Heartbeats leave every 100 ms but arrive 0 to 210 ms apart: some are late, some are lost, and a late one can arrive together with the next. The router only ever sees arrivals.',
      'n3 crashes. Nothing tells the router: a crashed process sends nothing, so the router sees only silence — as it would for a slow or lossy link.',
      'Declared down 281 ms after the crash, 300 ms after n3’s last heartbeat arrived (at 3,981 ms): the detection time is the timeout less how long before the crash the last heartbeat came. 170 keys move.',
      'n1 is alive, but its heartbeats 57 and 58 were lost: 300 ms of silence, and the router declares it down — a false suspicion. 260 keys move away from a node that never failed.',
      'n1’s heartbeat 59 arrives 8 ms later and it rejoins: the 260 keys move back. The chart: with heartbeats every 100 ms, a 200 ms timeout notices a crash after 175 ms on average but suspects a live node 1,875 times per node-hour; a 400 ms timeout takes 375 ms and suspected none in these runs.',
      'Some articles give one formula for “the right heartbeat period”: T = 2NZ/P. The simulation gives a curve instead: along each line a longer timeout (or higher φ threshold) detects later and suspects falsely less often, and a shorter period moves the whole curve down and left at the cost of more messages. What the formula leaves out: the network’s loss and jitter, the timeout on top of the period, and what a false suspicion costs (here, keys moved and moved back) — there is no single right value, only a choice on the curve.',
    ],
  },
  'ring-not-zookeeper': {
    title: 'Hash ring · ZooKeeper does not shard by consistent hashing',
    blurb:
      'A common description says ZooKeeper distributes its data over its servers by consistent hashing. This lesson puts the two side by side, from real runs (the panel): a five-server ZooKeeper ensemble committing 12 writes, and a ring of five nodes holding 12 keys with R = 3.',
    stops: [
      'The ring: each of the 12 keys lives on 3 of the 5 nodes, its preference list. The nodes hold 9, 8, 3, 9 and 7 keys: 36 copies in all, 12 × 3, spread unevenly by the hashes.',
      'ZooKeeper, run beside it: a five-server ZAB ensemble elects a leader and commits the 12 writes. Every server’s history holds all 12 transactions (the panel’s upper bars): the leader broadcasts each write to every follower.',
      'Where consistent hashing is really used: Dynamo-style stores — Amazon’s Dynamo, Riak, Cassandra’s token ring — place each key on R of N nodes, as this ring does, and grow by adding nodes that take about 1/N of the keys each.',
      'And load balancers in front of discovered services, which hash requests onto the backends so that the same key keeps reaching the same one: Apache Dubbo, for one, discovers providers in a ZooKeeper registry and can pick among them by consistent hashing — ZooKeeper holds the list, the hashing happens in the client.',
      'What was wrong with the claim: ZooKeeper does not partition its data at all. Every server holds the whole tree, so the data set must fit on one server, and more servers add read capacity and fault tolerance, not storage. The ring is what the services coordinated through ZooKeeper may use — not what ZooKeeper does.',
    ],
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
      '再看副本：n4 在 3,228 个键的优先列表中（R = 3），其中 1,039 个以它为主副本。这些键各自在顺时针方向下一个不同的节点上得到一个副本；其余 6,772 个键的优先列表不变。',
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
      '加入之后，最忙的节点 n8 仍持有 3,362 个键——n11 没有从它那里分走任何键——而 n2 只剩 27 个：CV 为 1.13，比之前更差。',
      '每个节点 100 个点时，同样的加入从全部十个节点取走 937 个键（每个 14 到 157 个）：虚拟节点把一次变更的负载也像键一样分散开。',
    ],
  },
  'ring-replicas': {
    title: '哈希环 · 副本：节点宕机，它的键仍有人服务',
    blurb:
      '六个节点，10,000 个键，R = 3：每个键存放在三个不同的节点上。路由器在 500 毫秒没有收到心跳后判定节点下线（超时故障检测器，每 100 毫秒一次心跳；从秒级缩小，让课程更短）。n3 宕机时，它的每个键仍有两个存活的副本；n3 被判定下线后，哈希环用其他节点替代它，每个键重新有三个副本。',
    stops: [
      'n3 持有 10,000 个键中 4,455 个的副本：1,572 个是主副本，1,471 个是第二副本，1,412 个是第三副本。这些键的另外两个副本都在另外两个节点上。',
      'n3 宕机。路由器还没有察觉——n3 仍在哈希环上——但每个在 n3 上有副本的键，在其他节点上仍有两个存活的副本：跳过宕机节点、转向优先列表中下一个节点的读请求仍能得到服务。',
      '500 毫秒没有收到 n3 的心跳（最后一次在 912 毫秒到达）：路由器判定它下线，距宕机 412 毫秒。n3 的 1,572 个键转给已经持有副本的第二副本节点，4,455 个键各自在顺时针方向下一个不同的节点上得到新的第三副本。',
      'n3 重启；它的第一次心跳 8 毫秒后到达，它重新加入：同样的 1,572 个键回到它这里作为主副本。（它下线期间错过的写入，在 Dynamo 或 Cassandra 中由提示移交或反熵修复；这个模型只迁移归属。）',
      '宕机之前和哈希环变更之后，每个键都有三个不同的所有者，期间也从未少于两个存活的副本：R 个副本让一个键在其节点 R − 1 次故障中仍能得到服务。',
    ],
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
      '三次变更之后：哈希环最忙的节点是平均值的 1.47 倍，跳跃哈希 1.04 倍，汇合哈希 1.04 倍，有界负载停在上限 1,389 个键。跳跃哈希不需要内存、最均衡，但只能在末尾增减——适合编号的分片，不适合会故障的服务器；汇合哈希每次查找要为每个节点算一次哈希；有界负载是负载均衡器在不允许任何后端过载时使用的方法（HAProxy 的 hash-balance-factor）。',
    ],
  },
  'ring-detector': {
    title: '哈希环 · 多快能发现一个节点死了？',
    blurb:
      '五个节点在糟糕的网络上每 100 毫秒向路由器发送一次心跳：十条消息丢一条，延迟在 5 到 120 毫秒之间变化。超时故障检测器在 300 毫秒的沉默后判定节点下线。宕机多快能被发现，快速的检测器又有什么代价？哈希环旁的图表针对多种设置做了测量，每个点都来自这个路由器的真实运行。',
    stops: [
      '心跳每 100 毫秒发出一次，到达的间隔却在 0 到 210 毫秒之间：有的迟到，有的丢失，迟到的可能和下一个一起到达。路由器看到的只有到达。',
      'n3 宕机。没有任何东西通知路由器：宕机的进程什么也不发送，路由器只看到沉默——就像面对一条缓慢或丢包的链路一样。',
      '宕机 281 毫秒后被判定下线，即 n3 最后一次心跳到达（3,981 毫秒）之后 300 毫秒：检测时间等于超时减去最后一次心跳比宕机早到的时间。170 个键迁移。',
      'n1 还活着，但它的第 57、58 次心跳丢失了：300 毫秒的沉默，路由器判定它下线——一次误判。260 个键从一个从未故障的节点迁走。',
      'n1 的第 59 次心跳 8 毫秒后到达，它重新加入：260 个键又迁回来。图表显示：心跳每 100 毫秒一次时，200 毫秒的超时平均 175 毫秒发现宕机，但每节点·小时误判存活节点 1,875 次；400 毫秒的超时需要 375 毫秒，在这些运行中没有误判。',
      '一些文章给出“正确的心跳周期”的单一公式：T = 2NZ/P。模拟给出的却是一条曲线：沿每条线，更长的超时（或更高的 φ 阈值）检测得更晚、误判更少；更短的周期以更多消息为代价把整条曲线推向左下。这个公式遗漏了：网络的丢包与抖动、周期之上的超时，以及一次误判的代价（这里是键迁走又迁回）——没有唯一正确的值，只有曲线上的取舍。',
    ],
  },
  'ring-not-zookeeper': {
    title: '哈希环 · ZooKeeper 并不用一致性哈希分片',
    blurb:
      '一种常见的说法是，ZooKeeper 用一致性哈希把数据分布到各台服务器上。本课把两者放在一起，均来自真实的运行（见面板）：一个五台服务器的 ZooKeeper 集群提交 12 次写入，以及一个五节点、R = 3、持有 12 个键的哈希环。',
    stops: [
      '哈希环：12 个键中的每一个都存放在 5 个节点中的 3 个上，即它的优先列表。各节点分别持有 9、8、3、9、7 个键：共 36 个副本，即 12 × 3，由哈希值不均匀地分布。',
      '旁边运行的 ZooKeeper：一个五台服务器的 ZAB 集群选出领导者并提交这 12 次写入。每台服务器的历史都包含全部 12 个事务（面板上方的条形）：领导者把每次写入广播给每个跟随者。',
      '一致性哈希真正的用处：Dynamo 风格的存储——Amazon 的 Dynamo、Riak、Cassandra 的令牌环——像这个哈希环一样把每个键放在 N 个节点中的 R 个上，扩容时每个新节点约接过 1/N 的键。',
      '还有位于已发现服务之前的负载均衡器，把请求哈希到后端，让同一个键总是到达同一个后端：例如 Apache Dubbo 从 ZooKeeper 注册中心发现服务提供者，并可以用一致性哈希在它们之中选择——ZooKeeper 保存列表，哈希发生在客户端。',
      '这种说法错在哪里：ZooKeeper 根本不对数据分区。每台服务器都持有整棵树，所以数据必须能放进一台服务器，增加服务器增加的是读能力和容错，而不是存储。哈希环是通过 ZooKeeper 协调的服务可能使用的东西——而不是 ZooKeeper 本身的做法。',
    ],
  },
};

export const HASHRING_LESSON_TEXT: Record<Lang, Texts> = { en, zh };
