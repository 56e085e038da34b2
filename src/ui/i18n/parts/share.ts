/**
 * Strings of one area of the app (share), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 */
export const shareEn = {
  /** Problems with the link's fragment and look (src/ui/url.ts). */
  shareProblems: {
    badPackedBase64: 'The link’s compressed scenario (#z=) is not valid base64url.',
    packedTruncated: 'The link’s compressed scenario (#z=) is cut short: the end of the link is missing. Was it copied whole?',
    packedCorrupt: (detail: string) => `The link’s compressed scenario (#z=) is damaged and does not decompress (${detail}).`,
    packedJson: (detail: string) => `The link’s compressed scenario (#z=) decompresses, but not to JSON: ${detail}.`,
    linkTooLarge: (size: string, limit: string) => `The link’s scenario is too long: ${size} characters, over the limit of ${limit}.`,
    unpacksTooLarge: (limit: string) => `The link’s compressed scenario unpacks to more than ${limit}, the most a link may carry.`,
    noDecompression: 'This browser cannot open compressed links (#z=): it has no DecompressionStream. Open the link in a current browser.',
    badTheme: (value: string) => `theme= must be light or dark (got “${value}”).`,
    badLarge: (value: string) => `large= must be 1 or 0 (got “${value}”).`,
  },
  shareRestartLesson: 'Restart lesson',
  shareDialog: 'Share this view',
  shareLinkLabel: 'Link to this view',
  shareCopy: 'Copy',
  shareLong: (chars: string, limit: string) =>
    `This link is ${chars} characters long. Chat apps, mail and forms often cut links over ${limit} characters: check that it arrives whole.`,
};

export const shareZh: typeof shareEn = {
  shareProblems: {
    badPackedBase64: '链接中的压缩场景（#z=）不是有效的 base64url。',
    packedTruncated: '链接中的压缩场景（#z=）不完整：链接末尾缺失了一部分。请确认链接是否完整复制。',
    packedCorrupt: (detail: string) => `链接中的压缩场景（#z=）已损坏，无法解压（${detail}）。`,
    packedJson: (detail: string) => `链接中的压缩场景（#z=）可以解压，但内容不是 JSON：${detail}。`,
    linkTooLarge: (size: string, limit: string) => `链接中的场景过长：${size} 个字符，超过上限 ${limit}。`,
    unpacksTooLarge: (limit: string) => `链接中的压缩场景解压后超过 ${limit}，超出了链接允许携带的上限。`,
    noDecompression: '此浏览器无法打开压缩链接（#z=）：它不支持 DecompressionStream。请用较新的浏览器打开。',
    badTheme: (value: string) => `theme= 必须是 light 或 dark（收到“${value}”）。`,
    badLarge: (value: string) => `large= 必须是 1 或 0（收到“${value}”）。`,
  },
  shareRestartLesson: '重新开始本课程',
  shareDialog: '分享当前画面',
  shareLinkLabel: '当前画面的链接',
  shareCopy: '复制',
  shareLong: (chars: string, limit: string) => `此链接长 ${chars} 个字符。聊天软件、邮件和表单常会截断超过 ${limit} 个字符的链接：请确认对方收到的链接完整。`,
};
