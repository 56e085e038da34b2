/**
 * ZAB's narration: every ZabNotes kind has a sentence in English and Chinese that says each
 * of its arguments (zxids as ZooKeeper prints them, 0x…; servers as n3), the vote table's
 * comparisons read as the issue writes them, and the dictionary is complete in both languages.
 */
import { describe, expect, it } from 'vitest';
import { ZabMsgKind, ZabNotes, ZAB_GLYPHS, ZAB_PHASE_CODES, zxidOf, zxidHex } from '../../../src/core/zab/types';
import { EventType, Fate } from '../../../src/sim/api';
import { SimNote, type Violation } from '../../../src/core/protocol';
import { comparison, narrateNote, narrateParts, narrateViolation, VIOLATION_ARGS } from '../../../src/ui/zab/narrate';
import { allZabDicts, zabDict, zabEn } from '../../../src/ui/zab/i18n';
import { ZAB_GLYPH_TABLE } from '../../../src/ui/zab/glyphs';
import { zabView, GLYPH_OF_KIND } from '../../../src/ui/zab/view';
import { deliverRow, note } from './zab-fixtures';

const LANGS = ['en', 'zh'] as const;
/** Fields that hold a zxid, per note kind (the rest are counts, epochs, rounds, sids, ms). */
const isZxidField = (kind: string, f: string) => /zxid/i.test(f) || ((kind === 'AdoptByZxid' || kind === 'KeepByZxid') && (f === 'theirs' || f === 'ours'));
/** Fields that name a server or a client. */
const NODE_FIELDS = new Set(['from', 'leader', 'to', 'peer', 'follower', 'client']);
/** Fields a sentence may leave out on purpose: a flag that picks the sentence. */
const UNSAID = new Set(['ConnectionClosed.wasLeader']);

/** Distinct values per field, so a sentence that says the wrong one is caught. */
function sample(kind: string, fields: readonly string[]): Record<string, number> {
  const f: Record<string, number> = {};
  fields.forEach((name, i) => {
    if (kind === 'PhaseEntered' && name === 'phase') f[name] = ZAB_PHASE_CODES.synchronization;
    else if (kind === 'Ignored' && name === 'kind') f[name] = ZabMsgKind.Proposal;
    else if (isZxidField(kind, name)) f[name] = zxidOf(2 + i, 3 + i);
    else if (name === 'client') f[name] = 1001;
    else if (NODE_FIELDS.has(name)) f[name] = 2 + i;
    else f[name] = 11 + i * 7;
  });
  return f;
}

function said(kind: string, name: string, value: number, lang: 'en' | 'zh'): string {
  // A phase code is said as the phase, a message kind code as the message's name.
  if (kind === 'PhaseEntered' && name === 'phase') return zabDict(lang).phases.synchronization;
  if (kind === 'Ignored' && name === 'kind') return 'PROPOSAL';
  if (isZxidField(kind, name)) return zxidHex(value);
  if (name === 'client') return 'c1';
  if (NODE_FIELDS.has(name)) return `n${value}`;
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US').format(value);
}

describe('ZAB narration', () => {
  for (const [kind, spec] of Object.entries(ZabNotes)) {
    it(`says ${kind} in both languages, with every argument`, () => {
      const f = sample(kind, spec.fields);
      const row = note(spec, 5, f);
      for (const lang of LANGS) {
        const text = narrateNote(row, lang);
        expect(text, `${lang} ${kind}`).not.toBe(zabDict(lang).notes.unknown(String(spec.code)));
        expect(text).not.toMatch(/undefined|NaN|\[object/);
        expect(text.startsWith('n5')).toBe(true);
        if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]/);
        for (const name of spec.fields) {
          if (UNSAID.has(`${kind}.${name}`)) continue;
          expect(text, `${lang} ${kind}.${name}`).toContain(said(kind, name, f[name], lang));
        }
      }
    });
  }

  it('prints zxids as ZooKeeper does: 0x, lowercase hex, epoch in the high 32 bits', () => {
    const row = note(ZabNotes.Committed, 1, { zxid: zxidOf(1, 3), acks: 2 });
    expect(narrateNote(row, 'en')).toContain('0x100000003');
    expect(narrateNote(note(ZabNotes.Logged, 2, { zxid: zxidOf(10, 255) }), 'zh')).toContain('0xa000000ff');
    expect(narrateNote(note(ZabNotes.SyncEmptyDiff, 1, { to: 2, zxid: 0 }), 'en')).toContain('0x0');
  });

  it('words the vote table’s comparisons as the issue does, in both languages', () => {
    const adoptZxid = note(ZabNotes.AdoptByZxid, 1, { from: 2, leader: 2, theirs: zxidOf(2, 3), ours: zxidOf(2, 1) });
    expect(comparison(adoptZxid, 'en')).toBe('0x200000003 > 0x200000001 → adopt n2');
    expect(comparison(adoptZxid, 'zh')).toBe('0x200000003 > 0x200000001 → 采纳 n2');
    const adoptSid = note(ZabNotes.AdoptBySid, 2, { from: 3, leader: 3, theirs: 3, ours: 2 });
    expect(comparison(adoptSid, 'en')).toBe('same zxid, sid 3 > 2 → adopt n3');
    expect(comparison(adoptSid, 'zh')).toBe('zxid 相同，sid 3 > 2 → 采纳 n3');
    const lower = note(ZabNotes.LowerRoundAnswered, 1, { from: 4, round: 2, ourRound: 3 });
    expect(comparison(lower, 'en')).toBe('round 2 < 3 → answered with our vote');
    expect(comparison(lower, 'zh')).toBe('轮次 2 < 3 → 以本方选票回复');
    const epoch = note(ZabNotes.AdoptByEpoch, 1, { from: 2, leader: 2, theirs: 3, ours: 2 });
    expect(comparison(epoch, 'en')).toBe('epoch 3 > 2 → adopt n2');
    const same = note(ZabNotes.KeepBySid, 1, { from: 2, leader: 3, theirs: 3, ours: 3 });
    expect(comparison(same, 'en')).toBe('same vote (n3) → recorded');
    expect(narrateNote(same, 'en')).toBe('n1 records n2’s vote: it is the same as its own, for n3');
    const keep = note(ZabNotes.KeepBySid, 1, { from: 2, leader: 2, theirs: 2, ours: 3 });
    expect(comparison(keep, 'en')).toBe('same zxid, sid 2 < 3 → keep our vote');
    // Not an election step: no comparison.
    expect(comparison(note(ZabNotes.Logged, 1, { zxid: 5 }), 'en')).toBeNull();
  });

  it('says who leads: a decision for ourselves is LEADING, for another FOLLOWING', () => {
    expect(narrateNote(note(ZabNotes.Decided, 3, { leader: 3, votes: 3, round: 1 }), 'en')).toContain('LEADING');
    expect(narrateNote(note(ZabNotes.Decided, 1, { leader: 3, votes: 3, round: 1 }), 'en')).toContain('FOLLOWING');
    expect(comparison(note(ZabNotes.Decided, 1, { leader: 3, votes: 3, round: 1 }), 'zh')).toBe('选举结束 → FOLLOWING n3');
  });

  it('names every message kind in a headline, and keeps packet names in English in Chinese', () => {
    for (const code of Object.values(ZabMsgKind)) {
      for (const lang of LANGS) {
        const h = narrateParts(deliverRow(2, 1, code, []), lang).headline;
        expect(h).not.toContain('#');
        expect(h).toContain('n1');
      }
    }
    expect(narrateParts(deliverRow(2, 1, ZabMsgKind.Proposal, []), 'zh').headline).toBe('n2 收到 n1 的 PROPOSAL');
    expect(narrateParts(deliverRow(2, 1, ZabMsgKind.Notification, []), 'zh').headline).toBe('n2 收到 n1 的选票通知');
    const lost = { ...deliverRow(2, 1, ZabMsgKind.Trunc, []), type: EventType.Drop, fate: Fate.Lost };
    expect(narrateParts(lost, 'zh').headline).toBe('n1 发往 n2 的 TRUNC 在网络中丢失');
    expect(narrateParts(null, 'en').headline).toBe(zabEn.initial);
  });

  it('draws every kind code with a glyph of its own table, distinct in shape or label', () => {
    const seen = new Set<string>();
    for (const code of Object.values(ZabMsgKind)) {
      const g = zabView.kindGlyph(code);
      expect(ZAB_GLYPHS).toContain(g);
      expect(GLYPH_OF_KIND.get(code)).toBe(g);
      seen.add(g);
    }
    expect(seen.size).toBe(ZAB_GLYPHS.length);
    const looks = new Set(ZAB_GLYPHS.map((g) => JSON.stringify(ZAB_GLYPH_TABLE[g])));
    expect(looks.size).toBe(ZAB_GLYPHS.length);
    expect(zabView.glyphs).toBe(ZAB_GLYPH_TABLE);
    // Kinds that share a shape and fill read apart by their label.
    const byShape = new Map<string, string[]>();
    for (const g of ZAB_GLYPHS) {
      const spec = ZAB_GLYPH_TABLE[g];
      const key = `${spec.shape}/${spec.fill}/${spec.dashed ?? false}`;
      byShape.set(key, [...(byShape.get(key) ?? []), spec.label ?? '']);
    }
    for (const labels of byShape.values()) expect(new Set(labels).size).toBe(labels.length);
    // The legend shows every kind, each with its sentence.
    expect(zabView.legend.messages.map((m) => m.look.glyph).sort()).toEqual([...ZAB_GLYPHS].sort());
    for (const lang of LANGS) for (const m of zabView.legend.messages) expect(zabDict(lang).legend[m.label], m.label).toBeTruthy();
    for (const lang of LANGS) for (const a of zabView.legend.arcs) expect(zabDict(lang).legend[a], a).toBeTruthy();
  });

  it('translates a violation from its data, and falls back to the checker’s words for an unknown code', () => {
    const v: Violation = {
      invariant: 'Leader Uniqueness',
      time: 10,
      frame: 3,
      detail: 'n3 established itself as leader of epoch 2, which n2 already leads',
      why: { code: 'secondLeaderOfEpoch', args: { node: 3, epoch: 2, other: 2 } },
    };
    expect(narrateViolation(v, 'en')).toEqual({ invariant: 'Leader Uniqueness', reason: 'n3 became the established leader of epoch 2, which n2 already leads' });
    expect(narrateViolation(v, 'zh').invariant).toBe('领导者唯一（Leader Uniqueness）');
    expect(narrateViolation(v, 'zh').reason).toContain('纪元 2');
    const lacks: Violation = { ...v, invariant: 'Leader Completeness', why: { code: 'leaderLacksCommittedTxn', args: { node: 1, epoch: 3, zxid: '0x200000001', value: 'x=1' } } };
    expect(narrateViolation(lacks, 'en').reason).toBe('n1 became the leader of epoch 3 without the committed transaction 0x200000001 "x=1"');
    const order: Violation = { ...v, invariant: 'Total Order', why: { code: 'deliveredOutOfOrder', args: { node: 2, position: 4, zxid: 0x100000002, previous: '0x100000003' } } };
    expect(narrateViolation(order, 'zh').reason).toBe('n2 在 0x100000003 之后把 0x100000002 作为第 4 个事务交付：zxid 必须递增');
    expect(narrateViolation({ ...v, why: { code: 'nope', args: {} } }, 'zh').reason).toBe(v.detail);
    expect(narrateViolation({ ...v, why: { code: 'secondLeaderOfEpoch', args: { node: 3 } } }, 'en').reason).toBe(v.detail);
  });

  it('says every violation code it knows in both languages, with each argument', () => {
    expect(Object.keys(VIOLATION_ARGS).sort()).toEqual(Object.keys(zabEn.violations).sort());
    for (const [code, names] of Object.entries(VIOLATION_ARGS)) {
      const args = Object.fromEntries(names.map((k, i) => [k, k === 'node' || k === 'other' ? i + 1 : /zxid|previous/i.test(k) ? `0x${i + 1}00000007` : /value/i.test(k) ? `v${i}` : 40 + i]));
      for (const lang of LANGS) {
        const { reason } = narrateViolation({ invariant: 'Total Order', time: 0, frame: 0, detail: 'DETAIL', why: { code, args } }, lang);
        expect(reason, `${lang} ${code}`).not.toBe('DETAIL');
        for (const [k, x] of Object.entries(args)) expect(reason, `${lang} ${code}.${k}`).toContain(typeof x === 'number' ? (k === 'node' || k === 'other' ? `n${x}` : String(x)) : x);
      }
    }
  });
});

/** Every leaf of a dictionary as [path, value]. */
function leaves(obj: unknown, path = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[path, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('ZAB’s dictionary', () => {
  const en = new Map(leaves(allZabDicts.en));
  const zh = new Map(leaves(allZabDicts.zh));

  it('has the same keys in English and Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('fills every string, and Chinese is Chinese except the names kept in English', () => {
    const english = /^(kinds\.(2|3|4|5|6|7|8|9|10|11|12|13|14)|legend\.(ackepoch|newleader|uptodate|ack|commit|ping)|colVoteZxid|receivedVote|fieldAcceptedEpoch|fieldCurrentEpoch|noVotes|waiting\.finalize|cmp\.decidedLead)$/;
    for (const [key, value] of zh) {
      const out = typeof value === 'function' ? (value as (...a: string[]) => string)('1', '2', '3', '4', '5', '6') : value;
      expect(typeof out, key).toBe('string');
      expect((out as string).length, key).toBeGreaterThan(0);
      expect(out).not.toContain('undefined');
      if (!english.test(key)) expect(out, key).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const [key, value] of en) {
      const out = typeof value === 'function' ? (value as (...a: string[]) => string)('1', '2', '3', '4', '5', '6') : value;
      expect(out, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('uses the glossary’s terms', () => {
    expect(zabDict('zh').roles).toEqual({ looking: '选举中', following: '跟随中', leading: '领导中', down: '宕机' });
    expect(zabDict('zh').states.leading).toBe('领导中 LEADING');
    expect(zabDict('zh').phases).toEqual({ election: '选举', discovery: '发现', synchronization: '同步', broadcast: '广播' });
    expect(zabDict('zh').eraShort('2')).toBe('纪元 2');
  });
});

describe('the shared notes in ZAB’s words', () => {
  it('says where a client’s write landed as a zxid, not a log index', () => {
    const row = { code: SimNote.ClientSucceeded, node: 1001, a: 1, b: zxidOf(2, 1), c: 1, d: 0, f: { requestId: 1, index: zxidOf(2, 1), server: 1 } };
    expect(narrateNote(row, 'en')).toBe('c1’s request 1 succeeded: n1 committed it as 0x200000001');
    expect(narrateNote(row, 'zh')).toBe('c1 的请求 1 成功：n1 已将其作为 0x200000001 提交');
  });
});
