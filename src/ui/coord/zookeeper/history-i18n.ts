/**
 * The client history's linearization strings (ZkHistoryTab: the check's result, the marks,
 * the failure sentence), in English and Chinese. The English object's shape is the type the
 * Chinese one must match. Numbers, times and op names arrive formatted; op, error and path
 * names stay as ZooKeeper writes them. Terms: 线性一致（linearizable）, 线性化点, 过期读（stale read）,
 * 顺序一致（sequentially consistent）, as GLOSSARY.md.
 */
import type { Lang } from '../../i18n';

type S = string;

export const zkHistoryEn = {
  checkButton: 'Check linearizability',
  checking: 'Checking…',
  /** The header's verdict words (also the data the e2e test reads). */
  passed: 'Linearizable',
  failedWord: 'Not linearizable',
  unknownWord: 'Unknown',
  resultPassed: (checked: S, total: S, steps: S, ms: S) =>
    `${checked} of ${total} operations checked (writes in one real-time order, reads sequentially consistent), ${steps} search steps${ms ? `, ${ms}` : ''}.`,
  resultFailed: (checked: S, total: S, partition: S, ms: S) => `${checked} of ${total} operations checked: no order of those on ${partition} explains them${ms ? ` (${ms})` : ''}.`,
  resultUnknown: (checked: S, total: S, budget: S, partition: S) =>
    `the check ran out of its ${budget} search steps on ${partition} (${checked} of ${total} operations checked) — no verdict rather than a guess.`,
  upTo: (t: S) => `History up to ${t}.`,
  endOfRun: 'End of the run.',
  ms: (ms: S) => `${ms} ms`,
  failedSentence: (partition: S, ops: S) => `No order of the operations on ${partition} explains ${ops}: they are outlined in red; the red marks are the longest order that still fits.`,
  staleSentence: (n: S) => `${n} stale read(s), marked ◌: allowed by ZooKeeper (a follower served an older state), but not linearizable.`,
  legend: '● an operation’s linearization point — where it takes effect in the order the checker found; the thin line joins consecutive points on the same top-level path.',
  markTitle: (op: S, rank: S, partition: S, at: S) => `${op}: step ${rank} of the order on ${partition}, about ${at}`,
  staleTitle: (op: S, missed: S) => `${op}: a stale read — it did not see ${missed}, completed before it was invoked`,
  culpritTitle: (op: S) => `${op}: no order of the history explains this result`,
  listPoint: (rank: S, partition: S) => `linearized ${rank} on ${partition}`,
  listStale: 'stale read',
  listCulprit: 'no order explains it',
  /** Between the notes a list row carries, and before them. */
  listSep: '; ',
  listLead: ' — ',
  opName: (c: S, op: S, arg: S) => `c${c} ${op}${arg ? ` ${arg}` : ''}`,
  noChecked: 'No operation here takes part in the check yet (connect, pause and the lock recipe are not checked).',
};

export type ZkHistoryDict = typeof zkHistoryEn;

export const zkHistoryZh: ZkHistoryDict = {
  checkButton: '检查线性一致性',
  checking: '检查中…',
  passed: '线性一致',
  failedWord: '非线性一致',
  unknownWord: '未知',
  resultPassed: (checked, total, steps, ms) => `检查了 ${total} 个操作中的 ${checked} 个（写操作有一个符合真实时间的顺序，读操作顺序一致），搜索 ${steps} 步${ms ? `，${ms}` : ''}。`,
  resultFailed: (checked, total, partition, ms) => `检查了 ${total} 个操作中的 ${checked} 个：${partition} 上的操作找不到任何能解释它们的顺序${ms ? `（${ms}）` : ''}。`,
  resultUnknown: (checked, total, budget, partition) => `检查在 ${partition} 上用完了 ${budget} 步搜索预算（已检查 ${total} 个操作中的 ${checked} 个）——宁可不下结论，也不猜。`,
  upTo: (t) => `截至 ${t} 的历史。`,
  endOfRun: '运行结束。',
  ms: (ms) => `${ms} 毫秒`,
  failedSentence: (partition, ops) => `${partition} 上的操作没有任何顺序能解释 ${ops}：它们以红框标出；红色标记是仍然成立的最长顺序。`,
  staleSentence: (n) => `${n} 次过期读，标为 ◌：ZooKeeper 允许（跟随者提供了较旧的状态），但不满足线性一致。`,
  legend: '● 操作的线性化点——它在检查器找到的顺序中生效的位置；细线连接同一顶层路径上相邻的点。',
  markTitle: (op, rank, partition, at) => `${op}：${partition} 上顺序的第 ${rank} 步，约 ${at}`,
  staleTitle: (op, missed) => `${op}：过期读——它没有看到在它发起之前已完成的 ${missed}`,
  culpritTitle: (op) => `${op}：历史中没有任何顺序能解释这个结果`,
  listPoint: (rank, partition) => `在 ${partition} 上第 ${rank} 个线性化`,
  listStale: '过期读',
  listCulprit: '没有顺序能解释它',
  listSep: '；',
  listLead: ' —— ',
  opName: (c, op, arg) => `c${c} ${op}${arg ? ` ${arg}` : ''}`,
  noChecked: '这里还没有参与检查的操作（connect、pause 和锁的实现不在检查之列）。',
};

export const allZkHistoryDicts: Record<Lang, ZkHistoryDict> = { en: zkHistoryEn, zh: zkHistoryZh };

export function zkHistoryDict(lang: Lang): ZkHistoryDict {
  return allZkHistoryDicts[lang];
}
