/**
 * The Chinese dictionary. Typed as `Dict`, so TypeScript refuses a missing or extra key.
 * Terms follow ../../../../shared/GLOSSARY.md; protocol and message names stay in English
 * (Raft, AppendEntries, RequestVote, PreVote, nextIndex) because that is how people search.
 */
import type { Dict } from './en';
import { playbackZh } from './parts/playback';
import { stageZh } from './parts/stage';
import { chromeZh } from './parts/chrome';
import { hostZh } from './parts/host';
import { shareZh } from './parts/share';
import { simZh } from './parts/sim';
import { quietZh } from './parts/quiet';
import { eventsZh } from './parts/events';


type N = string;

export const zh: Dict = {
  appTitle: 'Quorumscope',
  tagline: '分布式共识，一条消息一条消息地看',
  loading: '正在启动模拟…',

  lesson: '课程',
  customScenario: '自定义场景',
  language: '语言',
  themeToLight: '浅色主题',
  themeToDark: '深色主题',
  largeType: '大字号',
  share: '分享',
  shareCopied: '链接已复制到剪贴板',
  shareFailed: '请复制此链接：',
  settings: '设置',
  settingsTitle: '协议选项',
  settingsNote: '修改选项会让场景从第 0 帧重新开始。',
  bugsTitle: '故意引入的错误',
  bugsNote: '按常见的错误方式破坏协议，看不变式（invariant）检查器如何发现它。',
  modelTitle: '本模型的简化之处',
  runHalted: (limit: string) => `运行已停止：在途消息超过 ${limit} 条，网络涌入的消息比送达的快。请放慢心跳或加快网络。`,
  close: '关闭',
  dismiss: '知道了',

  play: '播放',
  pause: '暂停',
  stepForward: '前进一步',
  stepBack: '后退一步',
  firstFrame: '第一帧',
  lastFrame: '最后一帧',
  speed: '速度',
  speedMax: '最快',
  frameLabel: '帧',
  timeLabel: 't',
  timeline: '时间轴',
  transport: '播放控制',
  faultTools: '故障注入',
  timelineValue: (frame: string, time: string) => `第 ${frame} 帧，${time}`,
  markTitles: {
    crash: (n: N) => `${n} 宕机`,
    restart: (n: N) => `${n} 重启`,
    partition: () => '网络分区',
    heal: () => '恢复网络',
    cut: (n: N) => `${n} 的一条链路被单向断开`,
    mend: (n: N) => `${n} 的一条链路已恢复`,
    request: (n: N) => `客户端请求${n ? `（发往 ${n}）` : ''}`,
    timeout: (n: N) => `${n} 的选举计时器被立即触发`,
    drop: (n: N) => `${n} 发出的一条消息被丢弃`,
    add: (n: N) => `${n} 已加入`,
    remove: (n: N) => `${n} 已移除`,
    violation: () => '违反安全性',
  },
  runStopped: '已停止：违反了安全性不变式',
  violationWhere: (frame: string, time: string, seed: string) => `位于第 ${frame} 帧（t = ${time}），种子 ${seed}`,
  violationText: (invariant: string, reason: string, where: string) => `——${invariant}：${reason}（${where}）`,
  untilReached: (t: string) => `已到达场景终点（${t}）；按播放可继续`,

  stage: '集群',
  legend: '图例',
  legendTitle: '图形的含义',
  legendItems: {
    dropped: '渐隐：将会丢失',
    down: '宕机：灰色、虚线、✕',
    cut: '单向断链 ✂',
    partition: '阴影：网络分区的一侧',
  },
  client: '客户端',
  clientName: (id: string) => `客户端 ${id}`,
  linkName: (a: N, b: N, state: string) => `链路 ${a}–${b}，${state}`,
  linkUp: '正常',
  linkCutOne: (from: N, to: N) => `${from} → ${to} 已断开`,
  linkCutBoth: '双向断开',
  linkBlocked: '被网络分区隔开',
  cutDir: (from: N, to: N) => `断开 ${from} → ${to}`,
  cutBoth: '双向断开',
  mendLink: '恢复链路',

  sendRequest: '发送请求',
  partition: '网络分区',
  partitionTitle: '划分网络',
  partitionHelp: '把每个节点放在 A 侧或 B 侧；不同侧的节点无法通信。',
  sideA: 'A',
  sideB: 'B',
  sideOf: (n: N, side: string) => `${n} 在 ${side} 侧`,
  applyPartition: '应用分区',
  isolate: (n: N) => `隔离 ${n}`,
  heal: '恢复网络',

  crash: '宕机',
  restart: '重启',
  removeNode: '移除',
  removeNodeHelp: (n: N) => `${n} 永久离开：运维人员通知路由器，路由器立即迁移它的键`,
  requestTo: (n: N) => `经 ${n} 发送请求`,
  deselect: '取消选择',
  selectNodeHint: '在舞台上选择一个节点（点击，或用 Tab 移到它上面按回车）即可查看它，并让它宕机或重启。',

  panel: '详情',
  tabEvents: '事件',
  tabNode: '节点',
  tabNodeN: (id: string) => `节点 ${id}`,
  eventsEmpty: '还没有事件。按播放或前进一步。',
  eventsHelp: '点击一个事件即可跳到那一帧。',
  frameN: (n: string) => `第 ${n} 帧`,
  initialState: '初始状态',

  alive: '运行中',
  down: '宕机',
  none: '无',


  problems: {
    badBase64: '链接中的场景（s=）不是有效的 base64url。',
    badJson: (detail: string) => `链接中的场景（s=）不是有效的 JSON：${detail}。`,
    badScenario: (field: string, reason: string) => `场景无效：字段 ${field} 不符合要求（${reason}）。`,
    unknownScenario: (name: string) => `没有名为“${name}”的内置场景。`,
    badLesson: (name: string) => `lesson= 必须是内置课程的名字（收到“${name}”）。`,
    badFrame: (value: string) => `frame= 必须是不小于 0 的整数（收到“${value}”）。`,
    badSpeed: (value: string) => `speed= 必须是 0.001 到 10 之间的数，或 max（收到“${value}”）。`,
    badLang: (value: string) => `lang= 必须是 en 或 zh（收到“${value}”）。`,
    simFailed: (detail: string) => `模拟出错停止：${detail}`,
    impossibleInitial: (node: string, term: string, atLeast: string, nodes: string, quorum: string) =>
      `Raft 不可能到达这个初始状态：${node} 持有任期 ${term} 的条目，但 ${nodes} 个节点中只有 ${atLeast} 个的任期不低于 ${term}，而该任期的领导者需要多数派（${quorum}）选出。运行照常进行；检查器可能会报告之后的情况。`,
    noView: (protocol: string) => `本应用没有协议“${protocol}”的视图：它可以运行，但无法绘制。`,
    fallback: '已改为显示默认课程。',
  },

  lessons: {
    'raft-election': {
      title: 'Raft · 领导者选举',
      blurb: '五台服务器都从跟随者开始。选举超时（圆弧）最先耗尽的节点成为候选人并请求投票；获得多数派选票即成为领导者。',
    },
    'raft-leader-crash': {
      title: 'Raft · 领导者宕机',
      blurb: 'n3 当选并接收一个请求，随后在 1.5 秒时宕机。跟随者收不到心跳，选举超时，在更高的任期（term）里选出新的领导者；n3 在 4.5 秒重启，成为跟随者。',
    },
    'raft-partition': {
      title: 'Raft · 少数派中的领导者',
      blurb: '1.5 秒时网络分区让领导者 n3 只剩 n4 相伴。n3 接受了一个永远无法提交的请求；n1、n2、n5 选出新领导者并提交下一个请求。5 秒时网络恢复，n3 下台，未提交的条目被替换。',
    },
    'raft-figure7': {
      title: 'Raft · 图 7：修复日志',
      blurb: 'Raft 论文图 7 中的日志（n1 是论文中的领导者，n2–n7 对应 a–f）。n1 赢得任期 8；AppendEntries 不断回退 nextIndex，直到每个日志都与 n1 一致：缺的补上，多的删除。',
    },
    'raft-figure8': {
      title: 'Raft · 图 8：旧任期的条目',
      blurb: 'Raft 论文图 8：n1、n2、n3 在索引 2 处都有任期 2 的条目——已是多数派——但它从未提交。日志以任期 3 结尾的 n5 当选，并把它全部覆盖。所以领导者只通过统计自己任期的条目来提交。',
    },
    'raft-figure8-bug': {
      title: 'Raft · 带错误的图 8',
      blurb: '同样的日志，但打开故意引入的错误 commitPreviousTermByCount：n1 赢得任期 4，只因多数派持有就提交了索引 2 处任期 2 的条目。随后网络分区把 n1、n2 隔开；n5 在多数派一侧当选并覆盖索引 2。检查器停止运行：违反了领导者完整性（Leader Completeness）。',
    },
    'raft-rejoin-disrupts': {
      title: 'Raft · 重新加入的节点扰乱领导者',
      blurb: '1 秒时 n1 被隔离。它独自一次次选举超时，每次都把任期（term）加一，直到 10。3 秒网络恢复后，它更高的任期让领导者 n4 下台，而日志同样完整的 n1 赢得任期 10：一次没人需要的选举。预投票（PreVote，见下一课）可以避免它。',
    },
    'raft-prevote': {
      title: 'Raft · 预投票（PreVote）维持稳定',
      blurb: '同样的场景，但打开 PreVote。被隔离的 n1 只以任期 + 1 征求预投票，永远得不到多数派，所以它自己的任期保持为 1。网络恢复后它收到 n4 的心跳并跟随；n4 继续领导任期 1。',
    },
    'raft-split-vote': {
      title: 'Raft · 选票瓜分（split vote）',
      blurb: '四台服务器；让 n1 和 n3 在同一时刻选举超时（对两者各执行一次“超时”操作）。两者都投票给自己，又各得到一票：4 票中得 2 票，而需要 3 票。任期 1 无人胜出。每次选举超时都重新随机抽取，于是它们不再相同：最先到期的 n4 在任期 2 单独发起选举并获胜。',
    },
  },

  // Per-area parts (./parts/*.ts).
  ...playbackZh,
  ...stageZh,
  ...chromeZh,
  ...hostZh,
  ...shareZh,
  ...simZh,
  ...quietZh,
  ...eventsZh,
};
