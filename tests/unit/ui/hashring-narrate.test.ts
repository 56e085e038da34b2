/**
 * The hash ring's narration: every HashringNotes code as a sentence in both languages (none
 * falls back to "decision N"), the router's own events told as the router's, φ with one
 * decimal, numbers grouped; and the real run of ring-basic narrated end to end.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { HUB_ID } from '../../../src/core/protocol';
import { ChangeAction, HashringMsgKind, HashringNotes } from '../../../src/core/hashring/types';
import { EventType, Fate, type EventRow, type NoteRow } from '../../../src/sim/api';
import { SimSession } from '../../../src/sim/session';
import { narrate, narrateNote, narrateParts, narrateViolation } from '../../../src/ui/hashring/narrate';
import { ringView } from '../../../src/ui/hashring/view';

function note(spec: { code: number; fields: readonly string[] }, node: number, f: Record<string, number>): NoteRow {
  const v = spec.fields.map((k) => f[k] ?? 0);
  return { code: spec.code, node, a: v[0] ?? 0, b: v[1] ?? 0, c: v[2] ?? 0, d: v[3] ?? 0, f };
}

function row(over: Partial<EventRow>): EventRow {
  return { frame: 5, time: 1234, type: EventType.Deliver, node: HUB_ID, peer: 3, kind: HashringMsgKind.heartbeat, fate: 0, action: null, notes: [], notable: false, ...over };
}

const SAMPLES: Record<string, Record<string, number>> = {
  HeartbeatArrived: { node: 3, seq: 12, intervalMs: 1003 },
  DeclaredDownTimeout: { node: 3, silentMs: 1012, timeoutMs: 1000 },
  DeclaredDownPhi: { node: 3, silentMs: 1012, phiMilli: 8134, thresholdMilli: 8000 },
  Rejoined: { node: 3, silentMs: 4000 },
  Added: { node: 11 },
  Removed: { node: 4 },
  RingChanged: { action: ChangeAction.Down, node: 3, moved: 1035, ideal: 1000 },
  HeartbeatIgnored: { node: 4 },
  HeartbeatStale: { node: 3, seq: 7, lastIncarnation: 2, lastSeq: 9 },
  NodeStarted: { incarnation: 2 },
};

describe('the ring’s narration', () => {
  it('says every decision in both languages, never the fallback', () => {
    const specs = Object.entries(HashringNotes);
    expect(Object.keys(SAMPLES).sort()).toEqual(specs.map(([k]) => k).sort());
    for (const [name, spec] of specs) {
      for (const lang of ['en', 'zh'] as const) {
        const text = narrateNote(note(spec, name === 'NodeStarted' ? 3 : HUB_ID, SAMPLES[name]), lang);
        expect(text, `${name} ${lang}`).not.toMatch(/decision|决定 \d/);
        expect(text, `${name} ${lang}`).not.toContain('undefined');
        expect(text, `${name} ${lang}`).not.toContain('NaN');
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it('says why the router declared a node down, with the numbers', () => {
    expect(narrateNote(note(HashringNotes.DeclaredDownPhi, HUB_ID, SAMPLES.DeclaredDownPhi), 'en')).toBe('router declares n3 down: no heartbeat for 1,012 ms (φ = 8.1 ≥ 8)');
    expect(narrateNote(note(HashringNotes.DeclaredDownPhi, HUB_ID, SAMPLES.DeclaredDownPhi), 'zh')).toBe('路由器判定 n3 宕机：1,012 毫秒没有心跳（φ = 8.1 ≥ 8）');
    expect(narrateNote(note(HashringNotes.DeclaredDownTimeout, HUB_ID, SAMPLES.DeclaredDownTimeout), 'en')).toBe('router declares n3 down: no heartbeat for 1,012 ms (timeout 1,000 ms)');
    expect(narrateNote(note(HashringNotes.RingChanged, HUB_ID, SAMPLES.RingChanged), 'en')).toBe('ring changed (crash noticed of n3): 1,035 keys change primary owner (the ideal share is 1,000)');
    expect(narrateNote(note(HashringNotes.HeartbeatArrived, HUB_ID, { node: 2, seq: 1, intervalMs: -1 }), 'en')).toBe('the router hears n2’s first heartbeat (#1)');
    expect(narrateNote(note(HashringNotes.NodeStarted, 3, { incarnation: 2 }), 'en')).toBe('n3 starts again (start 2) and sends its first heartbeat');
  });

  it('tells the router’s events as the router’s, and the nodes’ timers as heartbeat timers', () => {
    expect(narrateParts(row({}), 'en').headline).toBe('The router receives n3’s heartbeat');
    expect(narrateParts(row({ type: EventType.Timer, peer: 0, kind: 0 }), 'en').headline).toBe('The router’s failure detector checks its deadlines');
    expect(narrateParts(row({ type: EventType.Timer, node: 4, peer: 0, kind: 0 }), 'zh').headline).toBe('n4 的心跳定时器触发');
    expect(narrateParts(row({ type: EventType.Drop, fate: Fate.NodeDown }), 'en').headline).toBe('n3’s heartbeat never leaves: n3 is down');
    expect(narrateParts(row({ type: EventType.Drop, fate: Fate.Lost }), 'zh').headline).toBe('n3 发给路由器的心跳丢失');
    expect(narrateParts(null, 'en').headline).toBe('Initial state: every node is in the ring');
    // The shared actions (add, crash) keep the shared words.
    expect(narrateParts(row({ type: EventType.Action, node: 11, peer: 0, action: { at: 0, do: 'add', node: 11 } }), 'en').headline).toContain('n11');
  });

  it('names the checkers’ invariants in Chinese and keeps the checker’s detail', () => {
    const v = { invariant: 'Replica Count', time: 1, frame: 2, detail: 'key-7 has 2 owners', why: { code: 'x', args: {} } };
    expect(narrateViolation(v, 'zh')).toEqual({ invariant: '副本数（每个键 R 个不同的存活所有者）', reason: 'key-7 has 2 owners' });
    expect(ringView.narrateViolation(v, 'en').invariant).toBe('Replica Count');
  });

  it('narrates a real run of ring-basic without a fallback, in both languages', async () => {
    const raw = JSON.parse(await readFile(new URL('../../../public/scenarios/ring-basic.json', import.meta.url), 'utf8'));
    const s = new SimSession();
    expect(s.load(raw).ok).toBe(true);
    const head = s.advanceTo(10_000, 1_000_000).head;
    // events() answers at most a page of rows: read them all, a page at a time.
    const rows: EventRow[] = [];
    for (let f = 1; f <= head; f += 500) rows.push(...s.events(f, Math.min(head, f + 499)));
    expect(rows.length).toBe(head);
    expect(rows.length).toBeGreaterThan(500);
    const seen = new Set<number>();
    for (const r of rows) {
      for (const lang of ['en', 'zh'] as const) {
        const text = narrate(r, lang);
        expect(text).not.toMatch(/decision \d|决定 \d|undefined|NaN|#\d+ from/);
      }
      for (const n of r.notes) seen.add(n.code);
    }
    // The crash is noticed and the node rejoins in this run.
    expect(seen.has(HashringNotes.DeclaredDownPhi.code) || seen.has(HashringNotes.DeclaredDownTimeout.code)).toBe(true);
    expect(seen.has(HashringNotes.Rejoined.code)).toBe(true);
    expect(seen.has(HashringNotes.RingChanged.code)).toBe(true);
  });
});
