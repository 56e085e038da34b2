/**
 * The message inspector's values: booleans read yes / no (是 / 否) and a denied vote's reason
 * a short phrase, in both languages, never the protocol's code; other values as they are.
 * Every reason code the protocol can name (protocol.ts look()) has a phrase.
 */
import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/ui/i18n';
import { fieldValue } from '../../../src/ui/stage/fieldValue';
import { raftProtocol } from '../../../src/core/raft/protocol';
import { Note } from '../../../src/core/raft/types';

const CODES = ['staleTerm', 'alreadyVoted', 'logTermBehind', 'logShorter', 'knowsLeader'];

describe('message inspector values', () => {
  it('shows booleans as yes / no in English and 是 / 否 in Chinese', () => {
    expect(fieldValue('granted', true, dict('en'))).toBe('yes');
    expect(fieldValue('preVote', false, dict('en'))).toBe('no');
    expect(fieldValue('success', true, dict('zh'))).toBe('是');
    expect(fieldValue('ok', false, dict('zh'))).toBe('否');
  });

  it('shows each vote-denial reason as a translated phrase, not its code', () => {
    for (const lang of ['en', 'zh'] as const) {
      const t = dict(lang);
      const seen = new Set<string>();
      for (const code of CODES) {
        const out = fieldValue('reason', code, t);
        expect(out, `${lang} ${code}`).not.toBe(code);
        expect(out.length).toBeGreaterThan(0);
        seen.add(out);
      }
      expect(seen.size, lang).toBe(CODES.length);
    }
    expect(fieldValue('reason', 'alreadyVoted', dict('zh'))).toMatch(/[\u4e00-\u9fff]/);
  });

  it('covers every reason the protocol gives a denied vote', () => {
    const denials = Object.entries(Note).filter(([k]) => k.startsWith('VoteDenied')).map(([, v]) => v as number);
    expect(denials.length).toBeGreaterThan(0);
    for (const reason of denials) {
      const l = raftProtocol.look({ type: 'RequestVoteReply', term: 3, granted: false, pre: false, reason } as never);
      const code = l.fields?.reason;
      expect(typeof code, String(reason)).toBe('string');
      for (const lang of ['en', 'zh'] as const) expect(fieldValue('reason', code!, dict(lang)), `${lang} ${String(code)}`).not.toBe(code);
    }
  });

  it('leaves numbers and the protocol’s strings as they are', () => {
    expect(fieldValue('term', 4, dict('zh'))).toBe('4');
    expect(fieldValue('entries', '2/5 "x=1"', dict('en'))).toBe('2/5 "x=1"');
  });
});
