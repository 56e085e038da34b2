import { describe, expect, it } from 'vitest';
import { allDicts, fmtInt, fmtTime, nodeRef } from '../../../src/ui/i18n';
import { LESSONS, lessonText } from '../../../src/ui/lessons';

/** Every leaf of a dictionary as [path, value]. */
function leaves(obj: unknown, path = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[path, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('the dictionary', () => {
  const en = new Map(leaves(allDicts.en));
  const zh = new Map(leaves(allDicts.zh));

  it('has the same keys in English and Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
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
    const keptInEnglish = new Set(['appTitle', 'switches.preVote.name', 'switches.checkQuorum.name', 'sideA', 'sideB', 'timeLabel', 'logNext', 'logMatch']);
    for (const [key, value] of zh) {
      if (typeof value !== 'string' || keptInEnglish.has(key) || key.startsWith('raft.kinds')) continue;
      expect(value, key).not.toBe(en.get(key));
    }
  });

  it('names the control buttons as the page contract says', () => {
    expect(allDicts.en.play).toBe('Play');
    expect(allDicts.en.pause).toBe('Pause');
    expect(allDicts.en.stepForward).toBe('Step forward');
    expect(allDicts.en.stepBack).toBe('Step back');
    expect(allDicts.en.crash).toBe('Crash');
    expect(allDicts.en.restart).toBe('Restart');
    expect(allDicts.en.nodeName('3', allDicts.en.roles.leader, '4')).toBe('Node 3, leader, term 4');
  });

  it('uses the glossary’s Chinese terms', () => {
    expect(allDicts.zh.roles).toEqual({ leader: '领导者', follower: '跟随者', candidate: '候选人', precandidate: '预候选人', down: '宕机' });
    expect(allDicts.zh.stepBack).toBe('后退一步');
    expect(allDicts.zh.heal).toBe('恢复网络');
  });

  it('has a title and blurb for every bundled lesson', () => {
    for (const name of LESSONS) {
      for (const lang of ['en', 'zh'] as const) {
        expect(lessonText(name, lang).title, `${name} ${lang}`).toBeTruthy();
        expect(lessonText(name, lang).blurb, `${name} ${lang}`).toBeTruthy();
      }
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
