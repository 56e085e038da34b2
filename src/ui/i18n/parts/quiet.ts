/** Slow protocols: the next decision and skipping quiet stretches (src/store/slices/playback.ts). */
export const quietEn = {
  quietNextDecision: 'Next decision',
  quietNextDecisionHelp: 'Step to the next decision (a vote, an election, a commit, a fault), over routine heartbeats',
  quietSkip: 'Skip quiet stretches',
  quietSkipHelp: 'While playing, fast-forward through stretches where only heartbeats or PINGs flow',
};

export const quietZh: typeof quietEn = {
  quietNextDecision: '下一个决定',
  quietNextDecisionHelp: '跳过例行的心跳，前进到下一个决定（投票、选举、提交、故障）',
  quietSkip: '跳过平静期',
  quietSkipHelp: '播放时快进经过只有心跳或 PING 往来的时段',
};
