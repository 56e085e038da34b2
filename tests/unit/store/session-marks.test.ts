/**
 * The session calls behind stepping by meaning and the caption: nextMarkFrame records
 * forward until a mark or a stop appears, prevMarkFrame looks back, lastNotable finds the
 * newest decision (generic: whatever the protocol's notable() says).
 */
import { describe, expect, it } from 'vitest';
import { SimSession } from '../../../src/sim/session';

const ELECTION = { protocol: 'raft', nodes: 5, seed: 1, until: 10000 };

function open(sc: unknown = ELECTION): SimSession {
  const s = new SimSession();
  expect(s.load(sc).ok).toBe(true);
  return s;
}

describe('nextMarkFrame', () => {
  it('records forward to the first mark (here: the leader elected) and no further', () => {
    const s = open();
    const f = s.nextMarkFrame(0);
    expect(f).not.toBeNull();
    const marks = s.marks(0);
    expect(marks[0]).toMatchObject({ frame: f, kind: 'leader' });
    // Recorded only as far as that mark.
    expect(s.view().head).toBe(f);
    // The session's view of that frame has the leader.
    expect((s.seek(f!).nodes as { role: string }[]).some((n) => n.role === 'leader')).toBe(true);
    expect((s.seek(f! - 1).nodes as { role: string }[]).some((n) => n.role === 'leader')).toBe(false);
  });

  it('a stop is a mark: the last frame at or before its time, known once a later frame exists', () => {
    const s = open();
    const f = s.nextMarkFrame(0, [190]);
    expect(f).toBe(1); // the first event (185) is the last one at or before 190
    expect(s.seek(f!).time).toBeLessThanOrEqual(190);
    expect(s.seek(f! + 1).time).toBeGreaterThan(190);
    // From the stop on, the next is the leader mark again.
    const leader = s.nextMarkFrame(f!, [190]);
    expect(s.marks(0).find((m) => m.kind === 'leader')?.frame).toBe(leader);
  });

  it('finds a scripted action that has not been simulated yet', () => {
    const s = open({ ...ELECTION, script: [{ at: 50, do: 'crash', node: 2 }] });
    const f = s.nextMarkFrame(0);
    expect(s.seek(f!).event?.action).toMatchObject({ do: 'crash', node: 2 });
    expect(s.marks(0)[0]).toMatchObject({ frame: f, kind: 'crash', node: 2 });
  });

  it('is bounded, and says null when nothing is found within the bound', () => {
    const s = open();
    expect(s.nextMarkFrame(0, [], 3)).toBeNull();
    expect(s.view().head).toBe(3);
    // Past every mark of a quiet run with a bound: null, not a hang.
    const quiet = open({ ...ELECTION, until: 100_000 });
    quiet.nextMarkFrame(0);
    const found = quiet.nextMarkFrame(1000, [], 5000);
    expect(found).toBeNull();
  });

  it('prevMarkFrame goes to the mark or stop before, or null', () => {
    const s = open();
    const leader = s.nextMarkFrame(0)!;
    s.seek(leader + 50);
    expect(s.prevMarkFrame(leader + 5)).toBe(leader);
    expect(s.prevMarkFrame(leader + 50)).toBe(s.marks(0).find((m) => m.kind === 'commit')?.frame);
    expect(s.prevMarkFrame(leader)).toBeNull();
    expect(s.prevMarkFrame(leader, [190])).toBe(1);
    expect(s.prevMarkFrame(1, [190])).toBeNull();
  });
});

describe('lastNotable', () => {
  it('returns the newest notable row at or before the frame, looking back a bounded way', () => {
    const s = open();
    s.seek(400);
    // Make only the frames of the leader's win notable (a protocol decides; Raft's is the sim area's).
    const leader = s.nextMarkFrame(0)!;
    const inner = s as unknown as { s: { parsed: { protocol: { notable?: (c: number) => boolean } } } };
    const winCodes = new Set(s.events(leader, leader)[0].notes.map((n) => n.code));
    const parsed = inner.s.parsed;
    parsed.protocol = { ...parsed.protocol, notable: (c: number) => winCodes.has(c) };
    const row = s.lastNotable(300);
    expect(row?.frame).toBeGreaterThanOrEqual(leader);
    expect(row!.frame).toBeLessThanOrEqual(300);
    expect(row!.notable).toBe(true);
    expect(s.lastNotable(6, 5)).toBeNull();
    expect(s.lastNotable(leader)?.frame).toBe(leader);
  });
});
