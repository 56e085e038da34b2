/** ZAB's config and initial state: defaults from zoo_sample.cfg, and every refusal names its field. */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/core/protocol';
import { ZAB_DEFAULTS, parseConfig } from '../../../src/core/zab/config';
import { initialWarnings, parseInitial } from '../../../src/core/zab/initial';
import { zxidOf } from '../../../src/core/zab/types';

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).field;
  }
  throw new Error('accepted');
}

describe('config', () => {
  it('defaults are zoo_sample.cfg’s and FastLeaderElection’s', () => {
    const c = parseConfig(undefined, 3);
    expect(c).toMatchObject({ tickTimeMs: 2000, initLimit: 10, syncLimit: 5, finalizeWaitMs: 200, notificationIntervalMs: 200, maxNotificationIntervalMs: 60000, latencyMinMs: 10, latencyMaxMs: 30, fifo: true });
    expect(c.bugs).toEqual({ ignoreZxidInElection: false, commitWithoutQuorum: false, expireWithoutLog: false, watchFiresTwice: false });
    expect(c.service).toBeNull();
    expect(ZAB_DEFAULTS.committedLogCount).toBe(500);
  });
  it.each([
    [{ tickTimeMs: 1 }, 'config.tickTimeMs'],
    [{ initLimit: 0 }, 'config.initLimit'],
    [{ syncLimit: 1.5 }, 'config.syncLimit'],
    [{ notificationIntervalMs: 500, maxNotificationIntervalMs: 400 }, 'config.maxNotificationIntervalMs'],
    [{ latencyMaxMs: 600_000, tickTimeMs: 2 }, 'config.latencyMaxMs'],
    [{ txnLogSync: 'yes' }, 'config.txnLogSync'],
    [{ bugs: ['doubleVote'] }, 'config.bugs[0]'],
    [{ heartbeatMs: 50 }, 'config.heartbeatMs'],
  ])('refuses %j naming %s', (raw, field) => {
    expect(refusal(() => parseConfig(raw, 3))).toBe(field);
  });
});

describe('initial', () => {
  it('reads hex zxids, values, and defaults both epochs to the last zxid’s', () => {
    const m = parseInitial({ '2': { history: ['0x100000001', { zxid: '0x200000001', value: 'x=1' }] } }, 3);
    expect(m.get(2)).toEqual({
      history: [
        { zxid: zxidOf(1, 1), value: 'e1.1' },
        { zxid: zxidOf(2, 1), value: 'x=1' },
      ],
      acceptedEpoch: 2,
      currentEpoch: 2,
    });
  });
  it.each([
    [{ '2': { history: ['0x100000002', '0x100000001'] } }, 'initial.2.history[1]'],
    [{ '2': { history: ['0x100000000'] } }, 'initial.2.history[0]'],
    [{ '2': { history: ['42'] } }, 'initial.2.history[0]'],
    [{ '2': { history: ['0x1'] } }, 'initial.2.history[0]'],
    [{ '2': { acceptedEpoch: 1, currentEpoch: 2 } }, 'initial.2.currentEpoch'],
    [{ '2': { history: ['0x200000001'], currentEpoch: 1, acceptedEpoch: 3 } }, 'initial.2.currentEpoch'],
    [{ '2': { history: [{ zxid: '0x100000001', value: 'a' }] }, '3': { history: [{ zxid: '0x100000001', value: 'b' }] } }, 'initial.3.history[0]'],
    [{ '4': {} }, 'initial.4'],
    [{ '2': { term: 1 } }, 'initial.2.term'],
    [{ '2': { history: [{ zxid: '0x100000001', v: 1 }] } }, 'initial.2.history[0].v'],
  ])('refuses %j naming %s', (raw, field) => {
    expect(refusal(() => parseInitial(raw, 3))).toBe(field);
  });
  it('warns about an epoch fewer than a quorum accepted', () => {
    const w = initialWarnings(parseInitial({ '1': { history: ['0x300000001'] } }, 3), 3);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ field: 'initial.1.history[0]', code: 'epochWithoutQuorum', args: { epoch: 3, atLeast: 1, quorum: 2 } });
    expect(initialWarnings(parseInitial({ '1': { history: ['0x300000001'] }, '2': { acceptedEpoch: 3 } }, 3), 3)).toEqual([]);
  });
});
