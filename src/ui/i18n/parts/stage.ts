/**
 * Strings of one area of the app (stage), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 */
export const stageEn = {
  /** A candidate's tally under its node: granted so far / quorum needed. */
  /** The sign on the stage while playback is paused. */
  stagePaused: 'Paused',
  /** Joins the parts of an accessible name ("Node 3, candidate, term 4, 2/3 votes"). */
  stageNameSep: ', ',
  stageAbout: 'About this lesson',
  stageAboutNone: 'This scenario is not one of the bundled lessons: play it, step through it, or act on it.',
  /** A message in flight, as a screen reader and the hover text name it. */
  stageMsgName: (kind: string, from: string, to: string) => `${kind} from ${from} to ${to}`,
  stageMsgInspect: 'Message',
  stageMsgDrop: 'Drop',
  stageMsgDropHelp: 'Drop this message: it never arrives (a drop action joins the scenario).',
  stageMsgGone: 'No longer in flight at this frame.',
  stageMsgWillBeLost: 'Will be lost on the way.',
  stageMsgSent: 'sent at',
  stageMsgArrives: 'arrives at',
  stageMsgNth: (n: string) => `message #${n} on this link`,
  stageMsgGranted: 'granted ✓',
  stageMsgDenied: 'denied ✗',
  stageMsgAccepted: 'accepted ✓',
  stageMsgRejected: 'rejected ✗',
  stageMsgAnswer: 'answer',
  stageMsgNoFields: 'No further fields.',
  /** A true / false field of a message (granted, preVote, success, ok). */
  stageMsgYes: 'yes',
  stageMsgNo: 'no',
  /** Why a vote was denied (the `reason` field), by the code the protocol names it with. */
  stageMsgReasons: {
    staleTerm: 'candidate’s term is stale',
    alreadyVoted: 'already voted this term',
    logTermBehind: 'candidate’s last log term is older',
    logShorter: 'candidate’s log is shorter',
    knowsLeader: 'a leader is still heard from',
  },
  /** The messages in flight, listed for the keyboard in a selected node's inspector. */
  stageMsgList: 'Messages in flight',
  stageLegendVoteReply: 'vote answer: circle, green ✓ granted, red ✗ denied',
  stageLegendAppendReply: 'append answer: triangle, green ✓ accepted, red ✗ rejected',
  /** The log grid's last column: the leader's nextIndex / matchIndex for each follower. */
  stageLogNextMatch: 'nextIndex / matchIndex',
  /** The protocol's identifiers, shown under the words when they differ (GLOSSARY: keep them visible). */
  stageLogNextMatchSub: 'nextIndex / matchIndex',
  stageLogEarlier: (n: string) => `${n} earlier entries not shown`,
};

export const stageZh: typeof stageEn = {
  stagePaused: '已暂停',
  stageNameSep: '，',
  stageAbout: '关于本课程',
  stageAboutNone: '这个场景不是内置课程：可以播放、单步执行，或对它进行操作。',
  stageMsgName: (kind: string, from: string, to: string) => `${from} 发给 ${to} 的 ${kind}`,
  stageMsgInspect: '消息',
  stageMsgDrop: '丢弃',
  stageMsgDropHelp: '丢弃这条消息：它不会到达（场景中会加入一个 drop 操作）。',
  stageMsgGone: '在这一帧它已不在途中。',
  stageMsgWillBeLost: '它会在途中丢失。',
  stageMsgSent: '发送于',
  stageMsgArrives: '到达于',
  stageMsgNth: (n: string) => `这条链路上的第 ${n} 条消息`,
  stageMsgGranted: '同意 ✓',
  stageMsgDenied: '拒绝 ✗',
  stageMsgAccepted: '追加成功 ✓',
  stageMsgRejected: '追加被拒绝 ✗',
  stageMsgAnswer: '回复',
  stageMsgNoFields: '没有其他字段。',
  stageMsgYes: '是',
  stageMsgNo: '否',
  stageMsgReasons: {
    staleTerm: '候选人的任期已过时',
    alreadyVoted: '本任期已投过票',
    logTermBehind: '候选人最后日志的任期较旧',
    logShorter: '候选人的日志较短',
    knowsLeader: '仍能收到领导者的消息',
  },
  stageMsgList: '途中的消息',
  stageLegendVoteReply: '投票回复：圆形，绿色 ✓ 同意，红色 ✗ 拒绝',
  stageLegendAppendReply: '追加回复：三角形，绿色 ✓ 成功，红色 ✗ 被拒绝',
  stageLogNextMatch: '下一索引 / 匹配索引',
  stageLogNextMatchSub: '（nextIndex / matchIndex）',
  stageLogEarlier: (n: string) => `前面还有 ${n} 条未显示`,
};
