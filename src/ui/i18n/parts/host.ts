/**
 * Strings of one area of the app (host), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 *
 * The `deck…` strings are the example reveal.js deck's (examples/deck/), which reads this
 * dictionary too so the example host speaks both languages like the app it embeds.
 */
export const hostEn = {
  deckPageTitle: 'Quorumscope in a reveal.js deck',
  deckIntro: 'Two lessons embedded in slides, driven through the host API.',
  /** The iframe's accessible name. */
  deckEmbedTitle: (lesson: string) => `Quorumscope: ${lesson}`,
  deckControls: 'Embed controls',
  deckPrevMark: 'Previous mark',
  deckNextMark: 'Next mark',
  deckSeek: 'Seek',
  deckSeekFrame: 'Frame to seek to',
  deckWaiting: 'Waiting for the embed…',
  /** What the embed said when it loaded: protocol and frames recorded so far (formatted). */
  deckReady: (protocol: string, frames: string) => `Ready: ${protocol} · frames recorded: ${frames}`,
  /** The last `frame` message heard back: frame number and virtual time, formatted. */
  deckHeard: (frame: string, time: string, playing: boolean) => `Heard: frame ${frame} · t = ${time} · ${playing ? 'playing' : 'paused'}`,
  deckError: (message: string) => `Error from the embed: ${message}`,
  deckKeys: 'Keys: . or b play/pause · [ and ] step · , and m previous/next mark · arrows and PageDown change slides · Esc inside a slide gives the keys back to the deck',
  deckSwitchLang: '中文',
  deckSwitchLangName: 'Switch the deck and its embeds to Chinese',
};

export const hostZh: typeof hostEn = {
  deckPageTitle: 'Quorumscope 嵌入 reveal.js 幻灯片',
  deckIntro: '幻灯片中嵌入两个课程，通过宿主 API 控制。',
  deckEmbedTitle: (lesson) => `Quorumscope：${lesson}`,
  deckControls: '嵌入控制',
  deckPrevMark: '上一个标记',
  deckNextMark: '下一个标记',
  deckSeek: '跳转',
  deckSeekFrame: '要跳转到的帧',
  deckWaiting: '等待嵌入页面…',
  deckReady: (protocol, frames) => `已就绪：${protocol} · 已记录 ${frames} 帧`,
  deckHeard: (frame, time, playing) => `收到：第 ${frame} 帧 · t = ${time} · ${playing ? '播放中' : '已暂停'}`,
  deckError: (message) => `嵌入页面报错：${message}`,
  deckKeys: '按键：. 或 b 播放/暂停 · [ 和 ] 单步 · , 和 m 上一个/下一个标记 · 方向键和 PageDown 翻页 · 在幻灯片内按 Esc 把键盘交还给幻灯片',
  deckSwitchLang: 'EN',
  deckSwitchLangName: '把幻灯片和嵌入页面切换为英文',
};
