/**
 * The strings of the hash ring's lesson panels (the detector chart, ZooKeeper beside the
 * ring), in English and Chinese, as a typed dictionary: zh must have every key en has.
 */
import type { Lang } from '../../../store/types';

const en = {
  detectorTitle: 'Detection time against false suspicions (measured)',
  detectorX: 'mean ms from crash to declared down (keys move)',
  detectorY: 'false suspicions per node-hour',
  detectorSeries: (kind: 'timeout' | 'phi', hb: number) => (kind === 'timeout' ? `timeout, heartbeat ${hb} ms` : `φ, heartbeat ${hb} ms`),
  detectorNetwork: (drop: number, lo: number, hi: number, nodeHours: string) =>
    `Each point: one run of the ring’s router and nodes, ${Math.round(drop * 100)}% of messages lost, latency ${lo}–${hi} ms, ${nodeHours} node-hours. Along each line the timeout (or φ threshold) grows.`,
  detectorLoading: 'Running the simulations…',
  detectorFailed: 'The experiment did not run.',
  replicationTitle: (writes: number) => `Where ${writes} writes live`,
  replicationZab: (n: number) => `ZooKeeper (ZAB), ${n} servers: transactions in each server’s history`,
  replicationRing: (r: number, n: number) => `Hash ring, R = ${r} of ${n} nodes: keys each node holds`,
  replicationLoading: 'Running ZAB and the ring…',
  server: (id: number) => `n${id}`,
};

export type LessonPanelDict = typeof en;

const zh: LessonPanelDict = {
  detectorTitle: '检测时间与误判（实测）',
  detectorX: '宕机到判定下线（键迁移）的平均毫秒数',
  detectorY: '每节点·小时的误判次数',
  detectorSeries: (kind, hb) => (kind === 'timeout' ? `超时，心跳 ${hb} 毫秒` : `φ，心跳 ${hb} 毫秒`),
  detectorNetwork: (drop, lo, hi, nodeHours) =>
    `每个点：哈希环的路由器与节点的一次运行，丢失 ${Math.round(drop * 100)}% 的消息，延迟 ${lo}–${hi} 毫秒，共 ${nodeHours} 节点·小时。沿每条线，超时（或 φ 阈值）逐渐增大。`,
  detectorLoading: '正在运行模拟…',
  detectorFailed: '实验未能运行。',
  replicationTitle: (writes) => `${writes} 次写入存放在哪里`,
  replicationZab: (n) => `ZooKeeper（ZAB），${n} 台服务器：每台服务器历史中的事务数`,
  replicationRing: (r, n) => `哈希环，${n} 个节点中的 R = ${r} 个：每个节点持有的键数`,
  replicationLoading: '正在运行 ZAB 与哈希环…',
  server: (id) => `n${id}`,
};

export const LESSON_PANEL_DICT: Record<Lang, LessonPanelDict> = { en, zh };
