/**
 * The simulator's side of the classroom moves, on real Raft runs: `timeout` and `drop`
 * actions, the per-link send counter (nth) through seeks, clients that say what became of
 * a request sent before any leader, and which event rows are notable.
 */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID_BASE, ClientFailure, SimNote } from '../../../src/core/protocol';
import { MsgKind, Note, type RaftNode } from '../../../src/core/raft/types';
import { EventType, Fate, type EventRow } from '../../../src/sim/api';
import { KEYFRAME_EVERY } from '../../../src/sim/history';
import { runHeadless } from '../../../src/sim/run';
import { parseScenario, type ScriptAction } from '../../../src/sim/scenario';
import { SimSession } from '../../../src/sim/session';
import { narrate, narrateNote, narrateParts } from '../../../src/ui/raft/narrate';
import { namedFields } from '../ui/note-fields';

const raft = (script: ScriptAction[], extra: Record<string, unknown> = {}) => ({ protocol: 'raft', nodes: 3, seed: 1, until: 2000, script, ...extra });

function session(s: unknown): SimSession {
  const ss = new SimSession();
  const r = ss.load(s);
  if (!r.ok) throw new Error(r.error);
  return ss;
}

function rowsUntil(ss: SimSession, t: number): EventRow[] {
  const v = ss.advanceTo(t);
  return ss.events(1, v.frame);
}

const notesOf = (rows: EventRow[], code: number) => rows.flatMap((r) => r.notes.filter((n) => n.code === code).map((n) => ({ ...n, frame: r.frame, time: r.time })));

describe('timeout action', () => {
  it('a follower told to time out at 20 ms becomes the first candidate, long before any natural timeout', () => {
    const rows = rowsUntil(session(raft([{ at: 20, do: 'timeout', node: 2 }])), 400);
    const action = rows.find((r) => r.type === EventType.Action)!;
    expect(action).toMatchObject({ time: 20, node: 2, notable: true });
    expect(action.notes.map((n) => n.code)).toEqual([Note.TimeoutNow, Note.StartElection]);
    const first = notesOf(rows, Note.BecameLeader)[0];
    expect(first).toMatchObject({ node: 2, a: 1 });
    expect(first.time).toBeLessThan(150);
  });

  it('a leader told to time out ignores it; nothing else changes', () => {
    const base = runHeadless(parseScenario(raft([], { until: 1000 })));
    const leader = base.sim.protocol.leaderOf(base.sim.nodes, base.sim.alive);
    const ss = session(raft([{ at: 800, do: 'timeout', node: leader }], { until: 1000 }));
    const rows = rowsUntil(ss, 1000);
    const action = rows.find((r) => r.type === EventType.Action)!;
    expect(action.notes).toEqual([expect.objectContaining({ code: Note.TimeoutIgnoredLeader, node: leader })]);
    const after = runHeadless(parseScenario(raft([{ at: 800, do: 'timeout', node: leader }], { until: 1000 })));
    expect((after.sim.nodes as RaftNode[]).map((n) => n?.term)).toEqual((base.sim.nodes as RaftNode[]).map((n) => n?.term));
    expect(narrate(action, 'en')).toContain('ignores the time-out');
  });

  it('a down node told to time out: noted, nothing happens', () => {
    const rows = rowsUntil(session(raft([{ at: 10, do: 'crash', node: 3 }, { at: 20, do: 'timeout', node: 3 }])), 100);
    const action = rows.filter((r) => r.type === EventType.Action)[1];
    expect(action.notes).toEqual([expect.objectContaining({ code: SimNote.TimeoutNodeDown, node: 3 })]);
    expect(notesOf(rows, Note.StartElection)).toEqual([]);
    expect(narrate(action, 'en')).toBe('n3 is down: it has no timer to fire, nothing happens');
    expect(narrate(action, 'zh')).toContain('宕机');
  });

  it('the checker sees the node a timeout touches (a run of timeouts stays safe)', () => {
    const script: ScriptAction[] = [];
    for (let t = 5; t < 1500; t += 37) script.push({ at: t, do: 'timeout', node: (t % 3) + 1 });
    const r = runHeadless(parseScenario(raft(script, { until: 1500 })));
    expect(r.violation).toBeNull();
    expect(r.sim.frame).toBeGreaterThan(script.length);
  });
});

describe('per-link send counter (nth)', () => {
  it('numbers the messages on each directed link 1, 2, 3... in send order; 0 for client links', () => {
    const ss = session(raft([{ at: 300, do: 'request', value: 'x' }]));
    const seen = new Map<string, number[]>();
    let f = 0;
    for (let v = ss.seek(0); v.frame < 400 && v.frame === f; v = ss.seek(++f)) {
      for (const m of v.messages) {
        const key = `${m.from}>${m.to}`;
        const list = seen.get(key) ?? [];
        if (!list.includes(m.nth)) list.push(m.nth);
        seen.set(key, list);
        if (m.from >= CLIENT_ID_BASE || m.to >= CLIENT_ID_BASE) expect(m.nth).toBe(0);
      }
    }
    const servers = [...seen].filter(([k]) => !k.includes('100'));
    expect(servers.length).toBeGreaterThan(3);
    for (const [, nths] of servers) {
      expect(nths[0]).toBe(1);
      for (let i = 1; i < nths.length; i++) expect(nths[i]).toBe(nths[i - 1] + 1);
    }
  });

  it('is part of the snapshot: a seek back across a keyframe shows the same nth as when recorded', () => {
    const ss = session(raft([], { until: 60_000 }));
    let target = KEYFRAME_EVERY + 17;
    while (ss.seek(target).messages.length === 0) target++;
    const first = ss.seek(target).messages.map((m) => [m.id, m.nth]);
    ss.seek(3 * KEYFRAME_EVERY);
    expect(ss.seek(target).messages.map((m) => [m.id, m.nth])).toEqual(first);
    expect(first.some(([, nth]) => nth > 100)).toBe(true);
  });
});

describe('drop action', () => {
  /** The first message from a to b, and a time (1 ms after it was sent) when it is surely in flight. */
  function firstInFlight(s: unknown, from: number, to: number) {
    const ss = session(s);
    for (let f = 0; f < 500; f++) {
      const v = ss.seek(f);
      const m = v.messages.find((x) => x.from === from && x.to === to && !x.lost);
      if (m) return { m, time: m.sentAt + 1 };
    }
    throw new Error('none in flight');
  }

  it('loses the nth message on the link while in flight: a Drop with DroppedByUser where it would have arrived', () => {
    const { m, time } = firstInFlight(raft([]), 1, 2);
    const ss = session(raft([{ at: time, do: 'drop', from: 1, to: 2, nth: m.nth }]));
    const rows = rowsUntil(ss, 1000);
    const action = rows.find((r) => r.type === EventType.Action)!;
    expect(action.notes).toEqual([expect.objectContaining({ code: SimNote.DropDone, node: 1, a: m.nth, b: 2 })]);
    const drop = rows.find((r) => r.type === EventType.Drop)!;
    expect(drop).toMatchObject({ time: m.at, node: 2, peer: 1, fate: Fate.DroppedByUser, notable: true });
    expect(rows.some((r) => r.type === EventType.Deliver && r.time === m.at && r.node === 2 && r.peer === 1)).toBe(false);
    expect(narrate(drop, 'en')).toContain('the user dropped it');
    expect(narrate(drop, 'zh')).toContain('被用户丢弃');
  });

  it('while dropped and in flight, the view shows the message as lost', () => {
    const { m, time } = firstInFlight(raft([]), 1, 2);
    const ss = session(raft([{ at: time, do: 'drop', from: 1, to: 2, nth: m.nth }]));
    const v = ss.advanceTo(time);
    expect(v.messages.find((x) => x.id === m.id)).toMatchObject({ lost: true, nth: m.nth });
  });

  it('changes the run: the same scenario without the drop delivers that message', () => {
    const { m, time } = firstInFlight(raft([]), 1, 2);
    const plain = rowsUntil(session(raft([])), 1000);
    expect(plain.some((r) => r.type === EventType.Deliver && r.time === m.at && r.node === 2 && r.peer === 1)).toBe(true);
    const dropped = rowsUntil(session(raft([{ at: time, do: 'drop', from: 1, to: 2, nth: m.nth }])), 1000);
    expect(dropped.some((r) => r.type === EventType.Deliver && r.time === m.at && r.node === 2 && r.peer === 1)).toBe(false);
  });

  it('nothing to drop: a message already delivered', () => {
    const { m } = firstInFlight(raft([]), 1, 2);
    const rows = rowsUntil(session(raft([{ at: m.at + 5, do: 'drop', from: 1, to: 2, nth: m.nth }])), 1000);
    const action = rows.find((r) => r.type === EventType.Action)!;
    expect(action.notes).toEqual([expect.objectContaining({ code: SimNote.DropAlreadyArrived, a: m.nth })]);
    expect(narrate(action, 'en')).toContain('Nothing to drop');
  });

  it('nothing to drop: a message never sent, saying how many were', () => {
    const rows = rowsUntil(session(raft([{ at: 1, do: 'drop', from: 2, to: 3, nth: 4 }])), 100);
    const action = rows.find((r) => r.type === EventType.Action)!;
    expect(action.notes).toEqual([expect.objectContaining({ code: SimNote.DropNeverSent, node: 2, a: 4, b: 3, c: 0 })]);
    expect(narrate(action, 'en')).toBe('Nothing to drop: n2 has not sent any message to n3 yet');
    expect(narrate({ ...action, notes: [{ ...action.notes[0], c: 3, f: { ...action.notes[0].f, sent: 3 } }] }, 'en')).toBe('Nothing to drop: n2 has sent only 3 messages to n3 so far, so there is no #4');
    expect(narrate({ ...action, notes: [{ ...action.notes[0], c: 3, f: { ...action.notes[0].f, sent: 3 } }] }, 'zh')).toBe('没有可丢弃的消息：n2 到目前只向 n3 发送过 3 条消息，没有第 4 条');
  });

  it('nothing to drop: dropping the same message twice', () => {
    const { m, time } = firstInFlight(raft([]), 1, 2);
    const rows = rowsUntil(session(raft([{ at: time, do: 'drop', from: 1, to: 2, nth: m.nth }, { at: time, do: 'drop', from: 1, to: 2, nth: m.nth }])), 1000);
    const actions = rows.filter((r) => r.type === EventType.Action);
    expect(actions.map((a) => a.notes[0].code)).toEqual([SimNote.DropDone, SimNote.DropAlreadyLost]);
  });

  it('a dropped message stays dropped after seeking back and forth (keyframes share queue entries)', () => {
    const { m, time } = firstInFlight(raft([]), 1, 2);
    const ss = session(raft([{ at: time, do: 'drop', from: 1, to: 2, nth: m.nth }], { until: 60_000 }));
    ss.seek(3 * KEYFRAME_EVERY);
    const hash = ss.traceHash();
    ss.seek(1);
    const v = ss.advanceTo(time);
    expect(v.messages.find((x) => x.id === m.id)?.lost).toBe(true);
    expect(ss.seek(3 * KEYFRAME_EVERY).frame).toBe(3 * KEYFRAME_EVERY);
    expect(ss.traceHash()).toBe(hash);
  });

  it('a user drop taken at the current frame (act) records into the scenario and runs', () => {
    const ss = session(raft([]));
    let v = ss.seek(0);
    while (!v.messages.some((x) => x.from === 1 && x.to === 3)) v = ss.seek(v.frame + 1);
    const m = v.messages.find((x) => x.from === 1 && x.to === 3)!;
    v = ss.act({ do: 'drop', from: 1, to: 3, nth: m.nth });
    expect(v.messages.find((x) => x.id === m.id)?.lost).toBe(true);
    expect(ss.scenario().script).toEqual([expect.objectContaining({ do: 'drop', from: 1, to: 3, nth: m.nth })]);
  });
});

describe('a request sent before any leader', () => {
  it('is refused by the server, and the client notes the refusal and the failure (no retry)', () => {
    const ss = session(raft([{ at: 5, do: 'request', value: 'x=1' }]));
    const rows = rowsUntil(ss, 1000);
    const refused = notesOf(rows, Note.ClientRefusedNoLeader);
    expect(refused).toHaveLength(1);
    const clientRow = rows.find((r) => r.node === CLIENT_ID_BASE && r.type === EventType.Deliver)!;
    expect(clientRow.notes.map((n) => n.code)).toEqual([SimNote.ClientNoLeader, SimNote.ClientFailed]);
    expect(clientRow.notes[1]).toMatchObject({ a: 1, b: 1, c: ClientFailure.Refused });
    expect(clientRow.notable).toBe(true);
    const op = ss.view().ops[0];
    expect(op).toMatchObject({ value: 'x=1', ok: false });
    expect(op.completedAt).toBeGreaterThan(5);
    expect(narrate(clientRow, 'en')).toBe('n1 knows no leader: c1’s request #1 is refused (etcd: “no leader”); c1’s request #1 failed: refused, and the client does not retry');
    expect(narrate(clientRow, 'zh')).toContain('被拒绝');
  });

  it('with clientRetry, the client waits, asks again and succeeds once a leader is elected', () => {
    const ss = session(raft([{ at: 5, do: 'request', value: 'x=1' }], { config: { clientRetry: true } }));
    const rows = rowsUntil(ss, 2000);
    expect(notesOf(rows, SimNote.ClientNoLeader).length).toBeGreaterThanOrEqual(1);
    expect(notesOf(rows, SimNote.ClientBackoff).length).toBeGreaterThanOrEqual(1);
    expect(notesOf(rows, SimNote.ClientRetry).length).toBeGreaterThanOrEqual(1);
    const ok = notesOf(rows, SimNote.ClientSucceeded);
    expect(ok).toHaveLength(1);
    const op = ss.view().ops[0];
    expect(op).toMatchObject({ ok: true, index: ok[0].b });
    const backoffOver = rows.find((r) => r.type === EventType.Timer && r.node === CLIENT_ID_BASE && r.notes[0]?.code === SimNote.ClientRetry)!;
    expect(narrate(backoffOver, 'en')).toContain('again');
  });

  it('with clientRetry and no leader ever (a majority down), it gives up after its attempts, saying so', () => {
    const ss = session(raft([{ at: 1, do: 'crash', node: 2 }, { at: 1, do: 'crash', node: 3 }, { at: 5, do: 'request', value: 'v' }], { config: { clientRetry: true } }));
    const rows = rowsUntil(ss, 20_000);
    const failed = notesOf(rows, SimNote.ClientFailed);
    expect(failed).toHaveLength(1);
    expect([ClientFailure.TimedOut, ClientFailure.AttemptsExhausted]).toContain(failed[0].c);
    expect(ss.view().ops[0]).toMatchObject({ ok: false });
  });
});

describe('notable rows on real runs', () => {
  it('a quiet stretch of heartbeats has no notable rows; the election before it has', () => {
    const ss = session(raft([], { until: 3000 }));
    const rows = rowsUntil(ss, 3000);
    const elected = notesOf(rows, Note.BecameLeader)[0];
    const quiet = rows.filter((r) => r.time > elected.time + 200);
    expect(quiet.length).toBeGreaterThan(100);
    expect(quiet.some((r) => r.type === EventType.Deliver && r.kind === MsgKind.Heartbeat)).toBe(true);
    expect(quiet.filter((r) => r.notable)).toEqual([]);
    const early = rows.filter((r) => r.time <= elected.time);
    expect(early.filter((r) => r.notable).length).toBeGreaterThan(5);
  });

  it('a request, its append and its commit are notable among the heartbeats', () => {
    const rows = rowsUntil(session(raft([{ at: 1000, do: 'request', value: 'x' }])), 1500);
    const after = rows.filter((r) => r.time >= 1000 && r.notable);
    const codes = new Set(after.flatMap((r) => r.notes.map((n) => n.code)));
    for (const c of [Note.ClientAppended, Note.AppendAccepted, Note.MatchAdvanced, Note.CommitAdvanced, SimNote.ClientSucceeded]) expect(codes.has(c)).toBe(true);
  });
});

describe('narration of the new notes', () => {
  it('every simulator note and every new Raft note has its own sentence in both languages', () => {
    const codes = [...Object.values(SimNote), Note.ClientRefusedNoLeader, Note.TimeoutIgnoredLeader, Note.TimeoutNow, Note.HeartbeatAccepted];
    for (const lang of ['en', 'zh'] as const) {
      const seen = new Set<string>();
      for (const code of codes) {
        const text = narrateNote({ code, node: code >= 910 ? CLIENT_ID_BASE : 2, a: 1, b: 3, c: 1, d: 0, f: namedFields(code, [1, 3, 1, 0]) }, 0, lang);
        expect(text, `${lang} ${code}`).not.toMatch(/decision|决定/);
        expect(text.length).toBeGreaterThan(8);
        seen.add(text);
      }
      expect(seen.size, lang).toBe(codes.length);
    }
  });

  it('the action frames of timeout and drop have headlines in both languages', () => {
    const row = (action: ScriptAction): EventRow => ({ frame: 1, time: 5, type: EventType.Action, node: 1, peer: 0, kind: 0, fate: 0, action, notes: [], notable: true });
    expect(narrateParts(row({ at: 5, do: 'timeout', node: 2 }), 'en').headline).toBe('n2’s election timer is made to fire now');
    expect(narrateParts(row({ at: 5, do: 'timeout', node: 2 }), 'zh').headline).toBe('让 n2 的选举定时器立即到期');
    expect(narrateParts(row({ at: 5, do: 'drop', from: 1, to: 3, nth: 12 }), 'en').headline).toBe('The user drops message #12 from n1 to n3');
    expect(narrateParts(row({ at: 5, do: 'drop', from: 1, to: 3, nth: 12 }), 'zh').headline).toBe('用户丢弃 n1 发往 n3 的第 12 条消息');
  });
});
