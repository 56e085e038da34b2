/**
 * Strings of one area of the app (chrome), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 */

/** A node as written in sentences: "n3". */
type N = string;

export const chromeEn = {
  // Transport
  chromePrevMark: 'Previous mark',
  chromeNextMark: 'Next mark',
  /**
   * The frame readout; {frame} and {head} are replaced by the numbers (already formatted),
   * so each language orders the words its own way and the number keeps its own element.
   */
  chromeFrameReadout: 'frame {frame} / {head}',
  /** The same in an embed's one-line transport, where the timeline needs the room. */
  chromeFrameReadoutShort: 'frame {frame}',

  // Timeline
  /** A scripted action not simulated yet: the mark's own title, then when it is due. */
  chromeMarkFuture: (what: string, at: string) => `${what} (scripted, at ${at})`,
  /** What each scripted action will do, for its mark before it happens. */
  chromeFutureTitles: {
    crash: (n: N) => `${n} crashes`,
    restart: (n: N) => `${n} restarts`,
    partition: () => 'the network is partitioned',
    heal: () => 'the network heals',
    cut: (from: N, to: N) => `link ${from} → ${to} is cut`,
    mend: (from: N, to: N) => `link ${from} → ${to} is mended`,
    cutClient: (c: N, server: N) => (server ? `${c}’s link with ${server} is cut` : `${c} is cut off from every server`),
    mendClient: (c: N, server: N) => (server ? `${c}’s link with ${server} is mended` : `${c} can reach every server again`),
    request: (value: string, n: N) => `a client sends “${value}”${n ? ` to ${n}` : ''}`,
    timeout: (n: N) => `${n}’s election timer fires`,
    drop: (from: N, to: N, nth: string) => `message #${nth} from ${from} to ${to} is lost`,
    add: (n: N) => `${n} joins`,
    remove: (n: N) => `${n} leaves for good`,
  },
  /** A lesson stop's title: its number and its sentence. */
  chromeStopTitle: (i: string, sentence: string) => `Stop ${i}${sentence ? `: ${sentence}` : ''}`,
  /** A merged mark's title: how many marks it stands for, then each one. */
  chromeMergedTitle: (count: string) => `${count} marks here:`,
  chromeMergedMore: (count: string) => `…and ${count} more`,

  // Event list
  chromeDecisionsOnly: 'Decisions only',
  chromeDecisionsHelp: 'Hide routine events such as heartbeats',
  chromeHiddenRoutine: (count: string) => `${count} routine ${count === '1' ? 'event' : 'events'} hidden`,

  // Node inspector
  chromeTimeout: 'Time out',
  chromeTimeoutHelp: (n: N) => `Make ${n}’s election timer fire now: it starts an election`,
};

export const chromeZh: typeof chromeEn = {
  chromePrevMark: '上一个标记',
  chromeNextMark: '下一个标记',
  chromeFrameReadout: '第 {frame} 帧 / 共 {head} 帧',
  chromeFrameReadoutShort: '第 {frame} 帧',

  chromeMarkFuture: (what: string, at: string) => `${what}（脚本动作，于 ${at}）`,
  chromeFutureTitles: {
    crash: (n: N) => `${n} 将宕机`,
    restart: (n: N) => `${n} 将重启`,
    partition: () => '网络将被分区',
    heal: () => '网络将恢复',
    cut: (from: N, to: N) => `链路 ${from} → ${to} 将被单向断开`,
    mend: (from: N, to: N) => `链路 ${from} → ${to} 将恢复`,
    cutClient: (c: N, server: N) => (server ? `${c} 与 ${server} 之间的链路将断开` : `${c} 将与所有服务器断开`),
    mendClient: (c: N, server: N) => (server ? `${c} 与 ${server} 之间的链路将恢复` : `${c} 将重新连得上所有服务器`),
    request: (value: string, n: N) => `客户端将发送“${value}”${n ? `（发往 ${n}）` : ''}`,
    timeout: (n: N) => `${n} 的选举计时器将被立即触发`,
    drop: (from: N, to: N, nth: string) => `${from} 发往 ${to} 的第 ${nth} 条消息将丢失`,
    add: (n: N) => `${n} 将加入`,
    remove: (n: N) => `${n} 将永久移除`,
  },
  chromeStopTitle: (i: string, sentence: string) => `停靠点 ${i}${sentence ? `：${sentence}` : ''}`,
  chromeMergedTitle: (count: string) => `此处有 ${count} 个标记：`,
  chromeMergedMore: (count: string) => `……另有 ${count} 个`,

  chromeDecisionsOnly: '只看决策',
  chromeDecisionsHelp: '隐藏心跳等例行事件',
  chromeHiddenRoutine: (count: string) => `已隐藏 ${count} 条例行事件`,

  chromeTimeout: '立即超时',
  chromeTimeoutHelp: (n: N) => `让 ${n} 的选举计时器立即触发：它将发起选举`,
};
