import { describe, expect, it } from 'vitest';
import { EventType, Fate, type EventRow, type NoteRow } from '../../../src/sim/api';
import { MsgKind, Note } from '../../../src/core/raft/types';
import { narrate, narrateNote, narrateParts, narrateViolation } from '../../../src/ui/raft/narrate';
import type { Violation } from '../../../src/core/protocol';
import { INVARIANTS } from '../../../src/core/raft/checkers';
import { namedFields } from './note-fields';

function row(partial: Partial<EventRow>): EventRow {
  return { frame: 7, time: 312, type: EventType.Deliver, node: 3, peer: 5, kind: MsgKind.RequestVote, fate: 0, action: null, notes: [], notable: true, ...partial };
}
function note(code: number, a = 0, b = 0, c = 0, node = 3): NoteRow {
  return { code, node, a, b, c, d: 0, f: namedFields(code, [a, b, c, 0]) };
}

describe('Raft narration', () => {
  it('explains a vote denied for an older log, in both languages', () => {
    const r = row({ notes: [note(Note.VoteDeniedLogTerm, 2, 3, 5)] });
    expect(narrate(r, 'en')).toBe("n3 denied n5’s vote: its log ends at term 2, ours at term 3");
    expect(narrate(r, 'zh')).toBe('n3 拒绝投票给 n5：其日志最后任期为 2，本节点为 3');
  });

  it('gives the headline of a delivery and one detail per note', () => {
    const r = row({ notes: [note(Note.AdoptTerm, 4, 3, 5), note(Note.VoteGranted, 4, 0, 5)] });
    const en = narrateParts(r, 'en');
    expect(en.headline).toBe('n3 received RequestVote from n5');
    expect(en.details).toEqual([
      'n3 saw term 4 from n5 (it was at 3): adopts it and becomes a follower',
      'n3 voted for n5 in term 4',
    ]);
    const zh = narrateParts(r, 'zh');
    expect(zh.headline).toBe('n3 收到 n5 的 RequestVote');
    expect(zh.details[1]).toBe('n3 在任期 4 投票给 n5');
    expect(narrate(r, 'en')).toContain('; ');
    expect(narrate(r, 'zh')).toContain('；');
  });

  it('tells a pre-vote from a vote by the message kind', () => {
    const r = row({ kind: MsgKind.PreVote, notes: [note(Note.VoteGranted, 5, 0, 2)] });
    expect(narrate(r, 'en')).toBe('n3 granted n2 a pre-vote for term 5');
    expect(narrate(r, 'zh')).toBe('n3 同意 n2 在任期 5 的预投票');
  });

  it('narrates heartbeats and appends differently', () => {
    const hb = row({ kind: MsgKind.Heartbeat, peer: 1, notes: [note(Note.AppendAccepted, 4, 0, 4)] });
    expect(narrate(hb, 'en')).toBe('n3 accepted the heartbeat: its log matches the leader’s at index 4');
    const ap = row({ kind: MsgKind.AppendEntries, peer: 1, notes: [note(Note.AppendAccepted, 4, 2, 6)] });
    expect(narrate(ap, 'en')).toBe('n3 accepted AppendEntries after index 4: 2 new entries, its log now ends at 6');
    expect(narrate(ap, 'zh')).toBe('n3 接受索引 4 之后的 AppendEntries：新增 2 条条目，日志现在到索引 6');
  });

  it('explains the Figure 8 rule', () => {
    const r = row({ type: EventType.Deliver, node: 1, peer: 2, kind: MsgKind.AppendEntriesReply, notes: [note(Note.CommitBlockedOldTerm, 2, 2, 4, 1)] });
    expect(narrate(r, 'en')).toMatch(/does not commit index 2: .* term 2, not the current term 4 \(Figure 8\)/);
    expect(narrate(r, 'zh')).toContain('图 8');
  });

  it('names drops by their fate', () => {
    const base = { type: EventType.Drop, kind: MsgKind.AppendEntries, node: 2, peer: 1 } as const;
    expect(narrate(row({ ...base, fate: Fate.Lost }), 'en')).toBe('AppendEntries from n1 to n2 was lost in the network');
    expect(narrate(row({ ...base, fate: Fate.LinkDown }), 'en')).toBe('AppendEntries from n1 to n2 was dropped: the link is down');
    expect(narrate(row({ ...base, fate: Fate.NodeDown }), 'zh')).toBe('n1 发往 n2 的 AppendEntries 被丢弃：n2 已宕机');
  });

  it('narrates user actions and timers', () => {
    const act = (action: EventRow['action']) => row({ type: EventType.Action, peer: 0, kind: 0, action });
    expect(narrate(act({ at: 0, do: 'crash', node: 2 }), 'en')).toBe('n2 crashed');
    expect(narrate(act({ at: 0, do: 'crash', node: 2 }), 'zh')).toBe('n2 宕机');
    expect(narrate(act({ at: 0, do: 'partition', groups: [[1, 2], [3, 4, 5]] }), 'en')).toBe(
      'Network partitioned: {n1, n2} | {n3, n4, n5}',
    );
    expect(narrate(act({ at: 0, do: 'request', value: 'x=1' }), 'en')).toBe('A client sends “x=1” to the leader');
    expect(narrate(act({ at: 0, do: 'cut', from: 1, to: 2 }), 'zh')).toBe('单向断链：n1 → n2');
    const timer = row({ type: EventType.Timer, peer: 0, kind: 0, node: 4, notes: [note(Note.StartElection, 2, 0, 0, 4)] });
    expect(narrateParts(timer, 'en').headline).toBe('n4’s timer fired');
    expect(narrate(timer, 'en')).toBe('n4’s election timeout fired: it becomes a candidate for term 2 and votes for itself');
    expect(narrate(timer, 'zh')).toBe('n4 选举超时：成为任期 2 的候选人，并投票给自己');
    expect(narrateParts(row({ type: EventType.Timer, node: 1001, peer: 0 }), 'en').headline).toBe('c1 timed out waiting for an answer');
  });

  it('narrates frame 0', () => {
    expect(narrate(null, 'en')).toBe('Initial state: every node is a follower');
    expect(narrate(null, 'zh')).toBe('初始状态：所有节点都是跟随者');
  });

  it('has a sentence for every Note code in both languages, never the fallback', () => {
    for (const code of Object.values(Note)) {
      for (const lang of ['en', 'zh'] as const) {
        const s = narrateNote(note(code, 3, 2, 1), MsgKind.RequestVote, lang);
        expect(s, `code ${code} ${lang}`).not.toMatch(/^decision|^决定/);
        expect(s.length).toBeGreaterThan(5);
        expect(s).not.toContain('undefined');
        expect(s).not.toContain('NaN');
      }
    }
  });

  it('says who a node voted for, or nobody', () => {
    expect(narrateNote(note(Note.Restarted, 3, 0, 5), 0, 'en')).toBe(
      'n3 restarted with its persistent state: term 3, voted for nobody, log up to index 5',
    );
    expect(narrateNote(note(Note.Restarted, 3, 2, 5), 0, 'zh')).toBe('n3 带着持久化状态重启：任期 3，投票给 n2，日志到索引 5');
  });

  it('formats large numbers per language', () => {
    expect(narrateNote(note(Note.CommitAdvanced, 12345, 12000), 0, 'en')).toBe('n3’s commit index advanced from 12,000 to 12,345');
  });
});

describe('violation narration', () => {
  const v = (invariant: string, code: string, args: Record<string, number | string>): Violation => ({
    invariant,
    time: 926,
    frame: 133,
    detail: 'the English detail',
    why: { code, args },
  });
  const cases: Violation[] = [
    v('Log Matching', 'sameIndexAndTermDifferentEntry', { node: 2, index: 3, term: 4, value: 'x=1', other: 5, otherValue: 'x=2' }),
    v('Log Matching', 'sameIndexAndTermDifferentHistory', { node: 2, index: 3, term: 4, prevTerm: 2, other: 5, otherPrevTerm: 3 }),
    v('State Machine Safety', 'committedDifferentEntry', { node: 1, index: 2, term: 3, value: 'a', committedTerm: 2, committedValue: 'b' }),
    v('Election Safety', 'secondLeaderOfTerm', { node: 1, term: 3, other: 4 }),
    v('Leader Completeness', 'leaderLacksCommittedEntry', { node: 5, term: 7, index: 2, entryTerm: 2, value: 'i2t2' }),
    v('Leader Append-Only', 'leaderRewroteLog', { node: 1, term: 3, index: 4 }),
    v('State Machine Safety', 'removedCommittedEntries', { node: 3, index: 2, commit: 4 }),
  ];

  it('says every checker’s reason in both languages, from its data', () => {
    for (const c of cases) {
      for (const lang of ['en', 'zh'] as const) {
        const { invariant, reason } = narrateViolation(c, lang);
        expect(reason, `${c.why.code} ${lang}`).not.toBe(c.detail);
        expect(reason).not.toMatch(/undefined|NaN/);
        expect(reason).toContain(`n${c.why.args.node}`);
        expect(invariant).toContain(c.invariant);
      }
      // Chinese is Chinese: CJK text in the reason.
      expect(narrateViolation(c, 'zh').reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads Leader Completeness as the Figure 8 bug produces it', () => {
    const c = cases[4];
    expect(narrateViolation(c, 'en')).toEqual({
      invariant: 'Leader Completeness',
      reason: 'n5 became leader of term 7 without the committed entry at index 2 (term 2, "i2t2")',
    });
    expect(narrateViolation(c, 'zh')).toEqual({
      invariant: '领导者完整性（Leader Completeness）',
      reason: 'n5 成为任期 7 的领导者，却没有索引 2 处已提交的条目（任期 2，"i2t2"）',
    });
  });

  it('names every invariant the checkers know in Chinese, with the English name beside it', () => {
    for (const name of INVARIANTS) {
      const zh = narrateViolation(v(name, 'secondLeaderOfTerm', { node: 1, term: 1, other: 2 }), 'zh').invariant;
      expect(zh).toMatch(new RegExp(`^[\u4e00-\u9fff]+（${name}）$`));
    }
  });

  it('falls back to the English detail for an unknown code or a missing argument', () => {
    expect(narrateViolation(v('Something New', 'novel', { node: 1 }), 'zh')).toEqual({ invariant: 'Something New', reason: 'the English detail' });
    expect(narrateViolation(v('Election Safety', 'secondLeaderOfTerm', { node: 1 }), 'en').reason).toBe('the English detail');
  });
});
