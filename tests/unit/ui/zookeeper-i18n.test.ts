/** The ZooKeeper layer's dictionary is complete in both languages, and every service a protocol view hosts has one. */
import { describe, expect, it } from 'vitest';
import { allZkDicts } from '../../../src/ui/coord/zookeeper/i18n';
import { allViews } from '../../../src/ui/views/registry';

function leaves(obj: unknown, path = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[path, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('the ZooKeeper views’ dictionary', () => {
  it('has the same keys in English and Chinese, every string filled, every function returning text', () => {
    const en = new Map(leaves(allZkDicts.en));
    const zh = new Map(leaves(allZkDicts.zh));
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [lang, d] of [['en', en], ['zh', zh]] as const) {
      for (const [key, value] of d) {
        const out = typeof value === 'function' ? (value as (...a: string[]) => string)('1', '2', '3', '4', '5', '6') : value;
        expect(typeof out, `${lang}.${key}`).toBe('string');
        expect((out as string).length, `${lang}.${key}`).toBeGreaterThan(0);
        expect(out, `${lang}.${key}`).not.toContain('undefined');
      }
    }
    // Chinese is Chinese where it is prose (GLOSSARY.md terms), not English left in place.
    expect(allZkDicts.zh.states.expired).toBe('已过期');
    expect(allZkDicts.zh.ephemeral).toBe('临时节点');
    expect(allZkDicts.zh.watches).toBe('监听');
  });

  it('names every tab of every service a protocol view hosts, in both languages', () => {
    const services = allViews().flatMap((v) => Object.values(v.services ?? {}));
    expect(services.map((s) => s.service)).toContain('zookeeper');
    for (const s of services) {
      for (const tab of s.tabs) for (const lang of ['en', 'zh'] as const) expect(tab.label(lang).length, `${s.service} ${tab.id} ${lang}`).toBeGreaterThan(0);
      expect(s.tabs[0].label('en')).not.toBe(s.tabs[0].label('zh'));
    }
  });
});
