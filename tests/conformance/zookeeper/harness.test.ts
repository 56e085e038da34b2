/**
 * The harness itself (no servers): the comparison must see every kind of disagreement the
 * suite claims to check, and must not see the differences it claims to ignore.
 */
import { describe, expect, it } from 'vitest';
import { normalise, type RawRun, type RawStat } from './compare';
import { commandLine } from './driver';
import { modelRun } from './model';
import { close, connect, create, exists, getData, setData, type Step } from './sequences';

const steps: Step[] = [connect(1), connect(2), create(1, '/app', 'a'), create(2, '/app/e', '', 'e'), getData(1, '/app', true), setData(2, '/app', 'b'), exists(1, '/app/e'), close(2)];

function stat(z: { c: number; m: number; p: number }, owner = '0x0', version = 0): RawStat {
  return { czxid: z.c, mzxid: z.m, pzxid: z.p, version, cversion: 0, aversion: 0, ephemeralOwner: owner, dataLength: 1, numChildren: 0 };
}

/** A run as the real side reports one: zxids from `base`, sessions as 0x… ids. */
function run(base: number, sessions: [string, string]): RawRun {
  return {
    outcomes: [
      { ok: true, result: { session: sessions[0], negotiatedTimeoutMs: 4000 } },
      { ok: true, result: { session: sessions[1], negotiatedTimeoutMs: 4000 } },
      { ok: true, result: '/app' },
      { ok: true, result: '/app/e' },
      { ok: true, result: { data: 'a', stat: stat({ c: base, m: base, p: base + 1 }) } },
      { ok: true, result: stat({ c: base, m: base + 2, p: base + 1 }, '0x0', 1) },
      { ok: true, result: stat({ c: base + 1, m: base + 1, p: base + 1 }, sessions[1]) },
      { ok: true, result: null },
    ],
    events: [[], [], [], [], [], [{ client: 1, type: 'NodeDataChanged', path: '/app' }], [], []],
    clientOfSession: (s) => sessions.indexOf(s) + 1,
  };
}

const base = () => normalise(steps, run(3, ['0x100', '0x101']));

describe('conformance harness: the comparison', () => {
  it('ignores raw zxids and session ids: only their order and owners count', () => {
    expect(normalise(steps, run(1000, ['0x72000aa', '0x72000ab']))).toEqual(base());
  });

  it('sees a different error code, result, version, owner, zxid order or event', () => {
    const tamper = (f: (r: RawRun) => void) => {
      const r = run(3, ['0x100', '0x101']);
      f(r);
      return normalise(steps, r);
    };
    const variants = [
      tamper((r) => (r.outcomes[3] = { ok: false, error: 'NodeExists' })),
      tamper((r) => (r.outcomes[2] = { ok: true, result: '/app0000000000' })),
      tamper((r) => (r.outcomes[5] = { ok: true, result: stat({ c: 3, m: 5, p: 4 }, '0x0', 2) })),
      tamper((r) => (r.outcomes[6] = { ok: true, result: stat({ c: 4, m: 4, p: 4 }, '0x100') })),
      // mzxid equal to czxid instead of later: an order relation changed
      tamper((r) => (r.outcomes[5] = { ok: true, result: stat({ c: 3, m: 3, p: 4 }, '0x0', 1) })),
      tamper((r) => (r.events[5] = [{ client: 2, type: 'NodeDataChanged', path: '/app' }])),
      tamper((r) => (r.events[5] = [])),
      tamper((r) => r.events[5].push({ client: 1, type: 'NodeDataChanged', path: '/app' })),
      tamper((r) => (r.outcomes[0] = { ok: true, result: { session: '0x100', negotiatedTimeoutMs: 400 } })),
    ];
    for (const v of variants) expect(v).not.toEqual(base());
  });

  it('orders each client’s events, except the deletions of a session’s end (a set in ZooKeeper)', () => {
    const a = run(3, ['0x100', '0x101']);
    const b = run(3, ['0x100', '0x101']);
    const evs = [
      { client: 1, type: 'NodeDeleted', path: '/app/e' },
      { client: 1, type: 'NodeChildrenChanged', path: '/app' },
    ];
    a.events[7] = evs;
    b.events[7] = [...evs].reverse();
    expect(normalise(steps, a)).toEqual(normalise(steps, b));
    a.events[5] = evs;
    b.events[5] = [...evs].reverse();
    expect(normalise(steps, a)).not.toEqual(normalise(steps, b));
  });

  it('the model side runs a sequence and names owners by client', () => {
    const lines = normalise(steps, modelRun(steps));
    expect(lines.find((l) => l.startsWith('#6'))).toMatch(/owner client 2/);
    expect(lines).toContain('   ↳ c1 NodeDataChanged /app');
  });

  it('writes the driver’s command lines with tabs and create flags', () => {
    expect(commandLine(create(2, '/a', 'x y', 'es'), () => 1)).toBe('create\t2\t/a\tx y\tes');
    expect(commandLine(create(2, '/a'), () => 1)).toBe('create\t2\t/a\t\t-');
    expect(commandLine(connect(3, 1000), (c) => c)).toBe('connect\t3\t3\t1000');
  });
});
