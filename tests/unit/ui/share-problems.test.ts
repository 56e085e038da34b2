import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/ui/i18n';
import { problemText } from '../../../src/ui/shell/ProblemBanner';
import type { Problem } from '../../../src/store/types';
import { decodePacked, MAX_LINK_CHARS, MAX_SCENARIO_BYTES, parseUrlParams } from '../../../src/ui/url';

describe('problems with the link’s fragment and look, in words', () => {
  it('names the parameter and what was wrong, in both languages', () => {
    const cases: [Problem, string, string][] = [
      [{ code: 'badPackedBase64', detail: '@@' }, 'is not valid base64url', '不是有效的 base64url'],
      [{ code: 'packedTruncated', detail: 'Compressed input was truncated.' }, 'is cut short', '不完整'],
      [{ code: 'packedCorrupt', detail: 'The compressed data was not valid: invalid block type.' }, 'damaged and does not decompress (The compressed data was not valid: invalid block type).', '已损坏'],
      [{ code: 'packedJson', detail: 'Unexpected token' }, 'decompresses, but not to JSON: Unexpected token.', '不是 JSON'],
      [{ code: 'linkTooLarge', detail: '4000004', args: { size: 4_000_004, limit: MAX_LINK_CHARS } }, 'too long: 4,000,004 characters, over the limit of 4,000,000.', '4,000,004 个字符'],
      [{ code: 'linkTooLarge', detail: '16777300', args: { limit: MAX_SCENARIO_BYTES, unpacked: 1 } }, 'unpacks to more than 16 MB', '解压后超过 16 MB'],
      [{ code: 'noDecompression', detail: '' }, 'no DecompressionStream', 'DecompressionStream'],
      [{ code: 'badTheme', detail: 'pink' }, 'theme= must be light or dark (got “pink”).', 'theme= 必须是 light 或 dark（收到“pink”）。'],
      [{ code: 'badLarge', detail: 'huge' }, 'large= must be 1 or 0 (got “huge”).', 'large= 必须是 1 或 0（收到“huge”）。'],
    ];
    for (const [p, en, zh] of cases) {
      expect(problemText(p, dict('en'))).toContain(en);
      expect(problemText(p, dict('zh'))).toContain(zh);
      if (p.code.startsWith('packed') || p.code === 'badPackedBase64') {
        expect(problemText(p, dict('en'))).toContain('(#z=)');
        expect(problemText(p, dict('zh'))).toContain('（#z=）');
      }
    }
  });

  it('says the default lesson opened instead when it did', async () => {
    const d = await decodePacked('@@');
    expect(d.ok).toBe(false);
    const p = { ...(d as { problem: Problem }).problem, fellBack: true };
    expect(problemText(p, dict('en'))).toBe('The link’s compressed scenario (#z=) is not valid base64url. Showing the default lesson instead.');
    expect(problemText(p, dict('zh'))).toBe('链接中的压缩场景（#z=）不是有效的 base64url。已改为显示默认课程。');
  });

  it('gives the speed range the parser really accepts', () => {
    const [p] = parseUrlParams('?speed=0.0001').problems;
    expect(problemText(p, dict('en'))).toContain('from 0.001 to 10');
  });
});
