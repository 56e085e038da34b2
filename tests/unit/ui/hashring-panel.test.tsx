/**
 * The hash ring's side panel on hand-made query results (the shapes of
 * src/core/hashring/types.ts): the load histogram (a bar per node with its keys, the mean, the
 * bounded cap), moved vs ideal per change (from → to counts), CV against vnodes (log x, the
 * current vnodes marked), the schemes side by side (jump's middle-removal cost called out), the
 * key lookup's answer, the controls (ranges as the protocol's config), the inspector's rows,
 * the query cache (asked once per ring version and scenario), and both dictionaries complete.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeStat, CvCurve, HashringNodeView, KeyLookup, LoadStats, SchemeComparison, SuspicionView } from '../../../src/core/hashring/types';
import { CvChart, cvLayout } from '../../../src/ui/hashring/panel/CvChart';
import { LoadHistogram, histogramLayout } from '../../../src/ui/hashring/panel/LoadHistogram';
import { LookupResult } from '../../../src/ui/hashring/panel/KeyLookupBox';
import { MovesChart, flowText } from '../../../src/ui/hashring/panel/MovesChart';
import { RingControls, type RingSettings } from '../../../src/ui/hashring/panel/RingControls';
import { membershipOf, nodeRows } from '../../../src/ui/hashring/panel/RingNodeFields';
import { SchemeTable, jumpCostShown } from '../../../src/ui/hashring/panel/SchemeTable';
import { allRingPanelDicts, ringPanelDict } from '../../../src/ui/hashring/panel/i18n';
import { FIELD_SPECS, LOOKUP_MAX, checkLookup, hashHex, keysByRank, nextFreeId, parseField, ringPosition, ringSettings } from '../../../src/ui/hashring/panel/model';
import { cachedQuery, type QueryStore } from '../../../src/ui/hashring/panel/ringQuery';
import { phi } from '../../../src/core/hashring/detector';
import { parseConfig } from '../../../src/core/hashring/config';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

function stats(counts: number[], cap = 0): LoadStats {
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  const sd = Math.sqrt(counts.reduce((a, c) => a + (c - mean) ** 2, 0) / counts.length);
  return { perNode: counts.map((keys, i) => ({ id: i + 1, keys })), mean, cv: sd / mean, maxOverMean: Math.max(...counts) / mean, cap };
}

const SETTINGS: RingSettings = { scheme: 'ring', vnodes: 100, keys: 10_000, replicas: 3, loadFactor: 1.25, detector: 'phi', timeoutMs: 1000, phiThreshold: 8, heartbeatMs: 100 };

describe('the panel’s dictionaries', () => {
  function leaves(obj: unknown, path = ''): [string, unknown][] {
    if (typeof obj !== 'object' || obj === null) return [[path, obj]];
    return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  it('have the same keys in English and Chinese, every string filled, every function returning text', () => {
    const en = new Map(leaves(allRingPanelDicts.en));
    const zh = new Map(leaves(allRingPanelDicts.zh));
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const d of [en, zh]) {
      for (const [key, v] of d) {
        const out = typeof v === 'function' ? (v as (...a: string[]) => string)('1', '2', '3', '4') : v;
        expect(typeof out, key).toBe('string');
        expect((out as string).length, key).toBeGreaterThan(0);
        expect(out, key).not.toContain('undefined');
      }
    }
  });
  it('say the two simplifications in both languages, Chinese translated', () => {
    const en = ringPanelDict('en').simplifications.join(' ');
    expect(en).toMatch(/One router runs the failure detector/);
    expect(en).toMatch(/gossip/);
    expect(en).toMatch(/keeps a down node’s tokens/);
    expect(en).toMatch(/hints/);
    const zh = ringPanelDict('zh').simplifications.join('');
    expect(zh).toContain('故障检测器');
    expect(zh).toContain('gossip');
    expect(zh).toContain('token');
    expect(zh).toContain('hint');
    expect(ringPanelDict('zh').simplifications).not.toEqual(ringPanelDict('en').simplifications);
  });
  it('use the glossary’s Chinese terms', () => {
    const zh = JSON.stringify(Object.fromEntries(leaves(allRingPanelDicts.zh).filter(([, v]) => typeof v === 'string')));
    for (const term of ['一致性哈希', '哈希环', '虚拟节点', '副本', '优先列表', '故障检测器', '心跳']) expect(zh, term).toContain(term);
  });
});

describe('the controls’ ranges and helpers', () => {
  it('take exactly the values the protocol’s config accepts', () => {
    const v = FIELD_SPECS.vnodes;
    expect([parseField(v, '0'), parseField(v, '1'), parseField(v, '1000'), parseField(v, '1001'), parseField(v, '1.5'), parseField(v, 'ten'), parseField(v, '')]).toEqual([null, 1, 1000, null, null, null, null]);
    expect([parseField(FIELD_SPECS.keys, '100000'), parseField(FIELD_SPECS.keys, '100001'), parseField(FIELD_SPECS.keys, ' 42 ')]).toEqual([100000, null, 42]);
    expect([parseField(FIELD_SPECS.replicas, '5'), parseField(FIELD_SPECS.replicas, '6'), parseField(FIELD_SPECS.replicas, '-1')]).toEqual([5, null, null]);
    // loadFactor: (1, 4].
    const c = FIELD_SPECS.loadFactor;
    expect([parseField(c, '1'), parseField(c, '1.01'), parseField(c, '4'), parseField(c, '4.01'), parseField(c, 'Infinity')]).toEqual([null, 1.01, 4, null, null]);
  });
  it('agree with the protocol’s own config validation at every edge', () => {
    const accepts = (key: string, v: number) => {
      try {
        parseConfig({ [key]: v }, 3);
        return true;
      } catch {
        return false;
      }
    };
    for (const spec of Object.values(FIELD_SPECS)) {
      const eps = spec.int ? 1 : 0.01;
      for (const v of [spec.min - eps, spec.min, spec.min + eps, spec.max - eps, spec.max, spec.max + eps, spec.int ? spec.min + 0.5 : spec.max]) {
        expect(parseField(spec, String(v)) !== null, `${spec.key} = ${v}`).toBe(accepts(spec.key, v));
      }
    }
  });
  it('Add node takes the smallest id above the scenario’s nodes never used, none past 24', () => {
    const members: number[] = Array.from({ length: 24 }, (_, i) => (i < 10 ? 1 : 0));
    expect(nextFreeId(members, 10)).toBe(11);
    members[10] = 2; // n11 removed: never reused
    members[11] = 1;
    expect(nextFreeId(members, 10)).toBe(13);
    expect(nextFreeId(members.map(() => 1), 10)).toBeNull();
    expect(nextFreeId(null, 10)).toBeNull();
  });
  it('place a hash on the ring and print it', () => {
    expect(ringPosition(0)).toEqual({ fraction: 0, degrees: 0 });
    expect(ringPosition(2 ** 31).degrees).toBe(180);
    expect(ringPosition(-1).fraction).toBeCloseTo(1, 9);
    expect(hashHex(0xabcd)).toBe('0x0000abcd');
    expect(hashHex(-1)).toBe('0xffffffff');
  });
  it('refuse an empty or over-long key before asking', () => {
    expect(checkLookup('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkLookup('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkLookup('x'.repeat(LOOKUP_MAX + 1))).toEqual({ ok: false, reason: 'tooLong' });
    expect(checkLookup('key-42')).toEqual({ ok: true, key: 'key-42' });
  });
  it('count a node’s keys per replica rank', () => {
    // key-0 on n1, n2, n3; key-1 on n2, n1, n3; key-2 on n1, n3 (only two nodes).
    const owners = new Uint8Array([1, 2, 3, 2, 1, 3, 1, 3, 0]);
    expect(keysByRank({ owners, replicas: 3 }, 1)).toEqual([2, 1, 0]);
    expect(keysByRank({ owners, replicas: 3 }, 3)).toEqual([0, 1, 2]);
  });
  it('read the settings from the scenario’s config over the defaults, the layout’s own fields first', () => {
    expect(ringSettings(undefined, null)).toEqual(SETTINGS);
    const s = ringSettings({ vnodes: 7, detector: 'timeout', scheme: 'jump', keys: 5 }, { scheme: 'bounded', keys: 600, replicas: 2 });
    expect(s).toMatchObject({ vnodes: 7, detector: 'timeout', scheme: 'bounded', keys: 600, replicas: 2 });
  });
});

describe('the load histogram', () => {
  it('draws a bar per node with its keys and name, the mean and no cap outside bounded', () => {
    const html = renderToStaticMarkup(<LoadHistogram stats={stats([900, 1100, 1000])} lang="en" />);
    expect(html.match(/data-bar-node=/g)?.length).toBe(3);
    expect(html).toContain('data-bar-node="2" data-keys="1100"');
    expect(html).toContain('data-line="mean"');
    expect(html).not.toContain('data-line="cap"');
    const t = text(html);
    expect(t).toContain('n1');
    expect(t).toContain('mean 1,000');
    expect(t).toMatch(/CV 0\.082/);
    expect(t).toMatch(/max\/mean 1\.10/);
  });
  it('puts taller bars higher and the bounded cap above the mean', () => {
    const s = stats([900, 1300, 1000], 1250);
    const { bars, y } = histogramLayout(s);
    expect(bars[1].h).toBeGreaterThan(bars[2].h);
    expect(bars[2].h).toBeGreaterThan(bars[0].h);
    expect(y(s.cap)).toBeLessThan(y(s.mean));
    const html = renderToStaticMarkup(<LoadHistogram stats={s} lang="zh" />);
    expect(html).toContain('data-line="cap"');
    expect(text(html)).toContain('上限 1,250');
  });
});

describe('moved vs ideal', () => {
  const removal: ChangeStat = { time: 3200, action: 2, node: 3, version: 1, moved: 980, ideal: 1000, from: { 3: 980 }, to: { 1: 300, 2: 500, 4: 180 }, movedByRank: [980, 1900, 2800] };
  const addition: ChangeStat = { time: 5000, action: 1, node: 11, version: 2, moved: 870, ideal: 1000 / 1.1, from: { 1: 100, 2: 770 }, to: { 11: 870 }, movedByRank: [870, 1700, 2500] };
  it('says there is nothing yet before any change', () => {
    expect(text(renderToStaticMarkup(<MovesChart changes={[]} lang="en" />))).toContain('No ring change yet');
  });
  it('draws a bar pair per change and lists each with moved, ideal and from → to, newest first', () => {
    const html = renderToStaticMarkup(<MovesChart changes={[removal, addition]} lang="en" />);
    expect(html).toContain('data-change="1" data-moved="980" data-ideal="1000"');
    expect(html).toContain('data-change="2" data-moved="870" data-ideal="909"');
    expect(html.indexOf('data-change-row="2"')).toBeLessThan(html.indexOf('data-change-row="1"'));
    const t = text(html);
    expect(t).toContain('remove n3');
    expect(t).toContain('add n11');
    expect(t).toContain('n3 980 → n2 500, n1 300, n4 180');
    expect(t).toContain('0.98 × ideal');
  });
  it('orders a flow by count, then id', () => {
    expect(flowText({ 4: 5, 2: 9, 1: 5, 7: 0 }, 'en')).toBe('n2 9, n1 5, n4 5');
  });
});

describe('CV against virtual nodes', () => {
  const curve: CvCurve = { nodes: 10, keys: 100_000, vnodes: [1, 10, 100, 1000], measured: [0.9, 0.3, 0.095, 0.031], formula: [0.9, 0.3, 0.095, 0.03] };
  it('draws the measured points on a log x axis, the formula as a line, the current vnodes marked', () => {
    const { x } = cvLayout(curve);
    // Log scale: equal steps per decade.
    expect(x(10) - x(1)).toBeCloseTo(x(1000) - x(100), 6);
    const html = renderToStaticMarkup(<CvChart curve={curve} vnodes={100} lang="en" />);
    expect(html.match(/class="ring-point"/g)?.length).toBe(4);
    expect(html).toContain('data-vnodes="1000" data-cv="0.031"');
    expect(html).toContain('class="ring-formula"');
    expect(html).toContain('data-vnodes-now="100"');
    expect(text(html)).toContain('now: 100');
    expect(text(html)).toContain('log scale');
  });
});

describe('schemes side by side', () => {
  const row = (scheme: SchemeComparison['scheme'], cv: number, moved: number | null): SchemeComparison => ({ scheme, stats: { ...stats([1000, 1000]), cv }, lastChange: moved === null ? null : { moved, ideal: 1000 } });
  it('shows the four with CV, max/mean and the last change against the ideal, the one in use marked', () => {
    const rows = [row('ring', 0.1, 1000), row('jump', 0.01, 4200), row('rendezvous', 0.02, 1010), row('bounded', 0.05, 1300)];
    const html = renderToStaticMarkup(<SchemeTable rows={rows} current="ring" lang="en" />);
    expect(html.match(/<tr data-scheme=/g)?.length).toBe(4);
    expect(html).toContain('data-scheme="ring" data-current="true"');
    expect(text(html)).toContain('4.20×');
    // Jump's cost is explained when it shows.
    expect(jumpCostShown(rows)).toBe(true);
    expect(text(html)).toContain('only the last can leave cheaply');
  });
  it('says nothing of jump when its last change cost the ideal, and handles no change yet', () => {
    const rows = [row('ring', 0.1, null), row('jump', 0.01, null), row('rendezvous', 0.02, null), row('bounded', 0.05, null)];
    expect(jumpCostShown(rows)).toBe(false);
    const html = renderToStaticMarkup(<SchemeTable rows={rows} current="jump" lang="zh" />);
    expect(text(html)).toContain('尚未变更');
    expect(html).not.toContain('ring-jump-note');
    expect(jumpCostShown([row('jump', 0.01, 1100)])).toBe(false);
  });
});

describe('the key lookup’s answer', () => {
  const answer: KeyLookup = { key: 'key-42', hash: 0x80000000, owners: [4, 7, 1] };
  it('gives the hash in hex and decimal, the position, the owner and the replicas', () => {
    const html = renderToStaticMarkup(<LookupResult result={answer} scheme="ring" lang="en" />);
    expect(html).toContain('data-owners="4,7,1"');
    expect(html).toContain('data-owner="4" data-rank="0"');
    expect(html).toContain('data-owner="1" data-rank="2"');
    const t = text(html);
    expect(t).toContain('0x80000000 = 2147483648');
    expect(t).toContain('180.00° (0.5000 of the way round)');
  });
  it('says when the scheme has no ring, and when there is no owner', () => {
    const t = text(renderToStaticMarkup(<LookupResult result={{ key: 'k', hash: 1, owners: [] }} scheme="jump" lang="en" />));
    expect(t).toContain('places keys without a ring');
    expect(t).toContain('none: the ring is empty');
  });
});

describe('the controls', () => {
  it('label every control, the load factor only for bounded, the detector’s own field', () => {
    const html = renderToStaticMarkup(<RingControls settings={SETTINGS} lang="en" addId={11} onSet={() => {}} onAdd={() => {}} />);
    const t = text(html);
    for (const l of ['Scheme', 'Virtual nodes per node', 'Keys', 'Replicas (R)', 'Failure detector', 'φ threshold', 'Heartbeat interval (ms)', 'Add node']) expect(t).toContain(l);
    expect(t).not.toContain('Load factor');
    expect(t).not.toContain('Timeout (ms)');
    expect(html.match(/<label for=/g)?.length).toBe(html.match(/<(input|select) /g)?.length);
    expect(html).toContain('max="1000"');
    const bounded = text(renderToStaticMarkup(<RingControls settings={{ ...SETTINGS, scheme: 'bounded', detector: 'timeout' }} lang="zh" addId={null} onSet={() => {}} onAdd={() => {}} />));
    expect(bounded).toContain('负载系数 c');
    expect(bounded).toContain('超时（毫秒）');
    expect(bounded).toContain('编号不会复用');
  });
});

describe('the inspector’s rows', () => {
  const PHI = { detector: 'phi', phiThreshold: 8, minStdDevMs: 20 } as const;
  const node: HashringNodeView = { id: 3, state: 'member', alive: false, heartbeats: 42 };
  const sus: SuspicionView = { id: 3, lastHeartbeatAt: 4200, samples: 20, meanIntervalMs: 100.4, stdDevMs: 12.2, deadlineAt: 4900, declaredDown: false, incarnation: 1, lastSeq: 42 } as SuspicionView;
  it('show state, keys per rank, heartbeats and the router’s view', () => {
    const rows = Object.fromEntries(nodeRows(node, 'member', sus, true, [1000, 990, 1010], 4500, { detector: 'timeout', phiThreshold: 8, minStdDevMs: 20 }, 'en'));
    expect(rows.state).toBe('member, crashed');
    expect(rows['in the ring']).toBe('yes');
    expect(rows['keys as primary']).toBe('1,000');
    expect(rows['keys as replica 3']).toBe('1,010');
    expect(rows['heartbeats sent']).toBe('42');
    expect(rows['last heartbeat at the router']).toBe('4.200 s (300 ms ago)');
    expect(rows['interval mean ± std']).toBe('100 ± 12 ms (20 samples)');
    expect(rows['declared down in']).toBe('400 ms without a heartbeat');
    expect(rows['declared down']).toBe('no');
    expect(rows['φ now']).toBeUndefined();
  });
  it('with the φ detector: φ at this frame’s time, by the router’s own function', () => {
    const at = (now: number) => Object.fromEntries(nodeRows(node, 'member', sus, true, null, now, PHI, 'en'))['φ now'];
    // 100 ms after the last heartbeat (the mean), φ is small; 300 ms later it is past 8.
    expect(at(4300)).toBe(`${phi(100, 100.4, 20).toFixed(2)} (declared down at 8)`);
    expect(Number(at(4300).split(' ')[0])).toBeLessThan(1);
    expect(Number(at(4600).split(' ')[0])).toBeGreaterThan(8);
  });
  it('take membership from the simulator (a node does not know it was removed)', () => {
    const members = [1, 1, 2, 0];
    expect(membershipOf(members, node)).toBe('removed');
    expect(membershipOf(members, { ...node, id: 4 })).toBe('absent');
    expect(membershipOf(null, node)).toBe('member');
    expect(Object.fromEntries(nodeRows(node, 'removed', null, false, null, 0, PHI, 'en')).state).toBe('removed, crashed');
  });
  it('once declared down: no countdown, and out of the ring', () => {
    const rows = Object.fromEntries(nodeRows(node, 'member', { ...sus, declaredDown: true, deadlineAt: Infinity }, false, [0, 0, 0], 6000, PHI, 'zh'));
    expect(rows['在哈希环上']).toBe('否');
    expect(rows['距判定宕机']).toBeUndefined();
    expect(rows['已判定宕机']).toBe('是：已离开哈希环');
  });
});

describe('the query cache', () => {
  function fakeStore() {
    const state = { view: { hub: { version: 1 } } as never, scenario: { protocol: 'hashring' } as never, query: vi.fn(async (name: string) => (name === 'none' ? null : { name })) };
    const store: QueryStore & { state: typeof state } = { state, getState: () => state };
    return store;
  }
  it('asks once per ring version and scenario, not per frame', async () => {
    const store = fakeStore();
    await cachedQuery(store, 'ring');
    await cachedQuery(store, 'ring');
    await cachedQuery(store, 'changes');
    expect(store.state.query).toHaveBeenCalledTimes(2);
    store.state.view = { hub: { version: 2 } } as never;
    await cachedQuery(store, 'ring');
    expect(store.state.query).toHaveBeenCalledTimes(3);
    // Back to a version already asked (stepping back over a change): no new ask.
    store.state.view = { hub: { version: 1 } } as never;
    expect(await cachedQuery(store, 'ring')).toEqual({ name: 'ring' });
    expect(store.state.query).toHaveBeenCalledTimes(3);
    // A new scenario (a config change, a fork): asked again.
    store.state.scenario = { protocol: 'hashring', config: { vnodes: 1 } } as never;
    await cachedQuery(store, 'ring');
    expect(store.state.query).toHaveBeenCalledTimes(4);
  });
  it('tells lookups apart by key and does not keep a null answer', async () => {
    const store = fakeStore();
    await cachedQuery(store, 'lookup', { key: 'a' });
    await cachedQuery(store, 'lookup', { key: 'b' });
    await cachedQuery(store, 'lookup', { key: 'a' });
    expect(store.state.query).toHaveBeenCalledTimes(2);
    expect(await cachedQuery(store, 'none')).toBeNull();
    await cachedQuery(store, 'none');
    expect(store.state.query).toHaveBeenCalledTimes(4);
  });
});
