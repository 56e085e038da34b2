import { describe, expect, it } from 'vitest';
import { allDicts, fmtInt, fmtTime, nodeRef } from '../../../src/ui/i18n';
import { LESSONS } from '../../../src/ui/lessons';
import { allViews } from '../../../src/ui/views/registry';
import { raftDict } from '../../../src/ui/raft/i18n';

/** Every leaf of a dictionary as [path, value]. */
function leaves(obj: unknown, path = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[path, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** Same keys in both languages, every string filled, every function returning text. */
function expectComplete(enDict: unknown, zhDict: unknown, where: string): void {
  const en = new Map(leaves(enDict));
  const zh = new Map(leaves(zhDict));
  expect([...zh.keys()].sort(), where).toEqual([...en.keys()].sort());
  for (const [lang, d] of [['en', en], ['zh', zh]] as const) {
    for (const [key, value] of d) {
      if (typeof value === 'function') {
        const out = (value as (...a: string[]) => string)('1', '2', '3', '4', '5', '6', '7', '8');
        expect(typeof out, `${where} ${lang}.${key}`).toBe('string');
        expect(out.length, `${where} ${lang}.${key}`).toBeGreaterThan(0);
        expect(out, `${where} ${lang}.${key}`).not.toContain('undefined');
      } else {
        expect(typeof value, `${where} ${lang}.${key}`).toBe('string');
        expect((value as string).length, `${where} ${lang}.${key}`).toBeGreaterThan(0);
      }
    }
  }
}

describe('every protocol’s dictionary', () => {
  it('is complete in English and Chinese', () => {
    expect(allViews().length).toBeGreaterThan(0);
    for (const v of allViews()) expectComplete(v.dict('en'), v.dict('zh'), v.protocol);
  });

  it('names every role, legend entry, arc kind and mark kind the view draws, in both languages', () => {
    for (const v of allViews()) {
      for (const lang of ['en', 'zh'] as const) {
        const d = v.dict(lang);
        expect(d.roles.down, `${v.protocol} ${lang}`).toBeTruthy();
        for (const { label } of v.legend.messages) expect(d.legend[label], `${v.protocol} ${lang} legend.${label}`).toBeTruthy();
        for (const kind of v.legend.arcs) expect(d.legend[kind], `${v.protocol} ${lang} arc ${kind}`).toBeTruthy();
        expect(d.legend.leader, `${v.protocol} ${lang} legend.leader`).toBeTruthy();
        for (const kind of Object.keys(v.marks)) expect(d.markTitles[kind]?.('n1', '2'), `${v.protocol} ${lang} mark ${kind}`).toBeTruthy();
        for (const key of v.switches) expect(d.switches[key]?.help, `${v.protocol} ${lang} switch ${key}`).toBeTruthy();
        for (const bug of v.bugs) expect(d.bugHelp[bug], `${v.protocol} ${lang} bug ${bug}`).toBeTruthy();
        for (const { look } of v.legend.messages) expect(v.glyphs[look.glyph], `${v.protocol} glyph ${look.glyph}`).toBeDefined();
      }
      // Chinese is a translation, not a copy.
      expect(v.dict('zh').simplifications).not.toEqual(v.dict('en').simplifications);
      expect(v.dict('zh').simplifications.length).toBe(v.dict('en').simplifications.length);
    }
  });

  it('says what the Raft review found missing from the simplifications, in both languages', () => {
    const en = raftDict('en').simplifications.join(' ');
    expect(en).toContain('empty AppendEntries');
    expect(en).toContain('MsgHeartbeat');
    expect(en).toMatch(/try the leader instead of forwarding/);
    expect(en).toMatch(/before the state is persisted/);
    const zh = raftDict('zh').simplifications.join('');
    expect(zh).toContain('MsgHeartbeat');
    expect(zh).toContain('转发');
    expect(zh).toContain('持久化');
  });
});

describe('the shared dictionary', () => {
  const en = new Map(leaves(allDicts.en));
  const zh = new Map(leaves(allDicts.zh));

  it('has the same keys in English and Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('holds no protocol’s own strings (those live in its view’s dictionary)', () => {
    for (const key of ['raft', 'roles', 'invariants', 'violations', 'raftSimplifications', 'switches', 'bugHelp', 'nodeName', 'termShort', 'leaderAnnounce']) {
      expect(key in allDicts.en, key).toBe(false);
    }
    expect('leader' in allDicts.en.markTitles).toBe(false);
    expect('heartbeat' in allDicts.en.legendItems).toBe(false);
  });

  it('fills every string and makes every function return text', () => {
    for (const [lang, dict] of [['en', en], ['zh', zh]] as const) {
      for (const [key, value] of dict) {
        if (typeof value === 'function') {
          const out = (value as (...a: string[]) => string)('1', '2', '3', '4', '5', '6', '7', '8');
          expect(typeof out, `${lang}.${key}`).toBe('string');
          expect(out.length, `${lang}.${key}`).toBeGreaterThan(0);
          expect(out).not.toContain('undefined');
        } else {
          expect(typeof value, `${lang}.${key}`).toBe('string');
          expect((value as string).length, `${lang}.${key}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('really translates: Chinese strings are not English copies (except names kept in English)', () => {
    const keptInEnglish = new Set(['appTitle', 'sideA', 'sideB', 'timeLabel']);
    for (const [key, value] of zh) {
      if (typeof value !== 'string' || keptInEnglish.has(key)) continue;
      expect(value, key).not.toBe(en.get(key));
    }
    // Raft's own: names people search for stay in English.
    const rEn = new Map(leaves(raftDict('en')));
    const rKept = new Set(['switches.preVote.name', 'switches.checkQuorum.name', 'logNext', 'logMatch']);
    for (const [key, value] of leaves(raftDict('zh'))) {
      if (typeof value !== 'string' || rKept.has(key) || key.startsWith('narr.kinds')) continue;
      expect(value, `raft ${key}`).not.toBe(rEn.get(key));
    }
  });

  it('names the control buttons as the page contract says', () => {
    expect(allDicts.en.play).toBe('Play');
    expect(allDicts.en.pause).toBe('Pause');
    expect(allDicts.en.stepForward).toBe('Step forward');
    expect(allDicts.en.stepBack).toBe('Step back');
    expect(allDicts.en.crash).toBe('Crash');
    expect(allDicts.en.restart).toBe('Restart');
    expect(raftDict('en').nodeName('3', raftDict('en').roles.leader, '4')).toBe('Node 3, leader, term 4');
  });

  it('uses the glossary’s Chinese terms', () => {
    expect(raftDict('zh').roles).toEqual({ leader: '领导者', follower: '跟随者', candidate: '候选人', precandidate: '预候选人', down: '宕机' });
    expect(allDicts.zh.stepBack).toBe('后退一步');
    expect(allDicts.zh.heal).toBe('恢复网络');
  });

  it('has a title and blurb for every bundled lesson', () => {
    for (const name of LESSONS) {
      expect(allDicts.en.lessons[name].title).toBeTruthy();
      expect(allDicts.zh.lessons[name].title).toBeTruthy();
    }
  });

  it('formats numbers and names', () => {
    expect(fmtInt(1234567, 'en')).toBe('1,234,567');
    expect(fmtTime(3412, 'en')).toBe('3.412 s');
    expect(fmtTime(0, 'zh')).toBe('0.000 s');
    expect(nodeRef(3)).toBe('n3');
    expect(nodeRef(1001)).toBe('c1');
  });
});
