/** The client history's linearization strings are complete in English and Chinese. */
import { describe, expect, it } from 'vitest';
import { allZkHistoryDicts } from '../../../src/ui/coord/zookeeper/history-i18n';

describe('the history tab’s linearization dictionary', () => {
  it('has the same keys in both languages, every string filled, every function returning text', () => {
    const en = allZkHistoryDicts.en as Record<string, unknown>;
    const zh = allZkHistoryDicts.zh as Record<string, unknown>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [lang, d] of [['en', en], ['zh', zh]] as const)
      for (const [key, value] of Object.entries(d)) {
        const out = typeof value === 'function' ? (value as (...a: string[]) => string)('1', '2', '3', '4') : value;
        expect(typeof out, `${lang}.${key}`).toBe('string');
        expect((out as string).length, `${lang}.${key}`).toBeGreaterThan(0);
        expect(out, `${lang}.${key}`).not.toContain('undefined');
        if (lang === 'zh' && !['opName', 'listSep', 'listLead'].includes(key)) expect(out, `zh.${key}`).toMatch(/[\u4e00-\u9fff]/);
      }
    expect(allZkHistoryDicts.zh.passed).toBe('线性一致');
    expect(allZkHistoryDicts.en.passed).toBe('Linearizable');
  });
});
