/**
 * The hash ring's stage: its geometry (angles from the top clockwise, ownership arcs from the
 * previous point, members around the outside), the key canvas's arithmetic (which keys move
 * between two ring versions, grouped by old and new owner; the pixel map the SVG's viewBox
 * implies), the failure detector's meter (filling exactly at the router's deadline, by the
 * detector's own φ), and the members as the page exposes them — checked on hand-made views
 * and on the real simulation of public/scenarios/ring-basic.json, against the CLI's `moved`.
 */
import { readFile } from 'node:fs/promises';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { phiDelay } from '../../../src/core/hashring/detector';
import type { HashringHubView, HashringNodeView, RingLayout, SuspicionView } from '../../../src/core/hashring/types';
import { createAppStore, type AppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/ui/StoreContext';
import { groupMoves, movedKeys, pixelMap, slotsOf } from '../../../src/ui/hashring/stage/keyPaint';
import { angleOf, at, KEY_R0, KEY_R1, keyRadius, memberLayout, NODE_RING_R, ownedArcs, RING_C, RING_SIZE, suspicionAt, type Detector } from '../../../src/ui/hashring/stage/ringGeometry';
import { RingNodes, roleOf } from '../../../src/ui/hashring/stage/RingNodes';
import { arcShapes } from '../../../src/ui/hashring/stage/RingArcs';
import { detectorOf } from '../../../src/ui/hashring/stage/RingStage';
import { changeAnnouncement } from '../../../src/ui/hashring/stage/RingAnnouncer';
import { ringDict } from '../../../src/ui/hashring/i18n';
import { ChangeAction } from '../../../src/core/hashring/types';
import { SimSession } from '../../../src/sim/session';
import { runCli } from './hashring-cli';

const close = (a: number, b: number, eps = 1e-9) => Math.abs(a - b) < eps;

describe('ring geometry', () => {
  it('puts position 0 at the top and goes clockwise: a quarter of 2³² is at 3 o’clock', () => {
    expect(angleOf(0)).toBe(0);
    expect(close(angleOf(RING_SIZE / 2), Math.PI)).toBe(true);
    const top = at(angleOf(0), 100);
    expect(close(top.x, RING_C.x)).toBe(true);
    expect(close(top.y, RING_C.y - 100)).toBe(true);
    const right = at(angleOf(RING_SIZE / 4), 100);
    expect(close(right.x, RING_C.x + 100)).toBe(true);
    expect(close(right.y, RING_C.y, 1e-6)).toBe(true);
  });

  it('gives each point the arc from the previous point, merges one node’s neighbours, wraps past 0 and covers the circle once', () => {
    const q = RING_SIZE / 4;
    // Points at 1/4 (n1), 1/2 (n2), 3/4 (n2), 0.9 (n1): n2's two points merge; n1's last wraps into its first.
    const arcs = ownedArcs([q, 2 * q, 3 * q, 0.9 * RING_SIZE], [1, 2, 2, 1]);
    expect(arcs.map((a) => a.node)).toEqual([1, 2]);
    expect(close(arcs[1].start, Math.PI / 2)).toBe(true);
    expect(close(arcs[1].end, (3 * Math.PI) / 2)).toBe(true);
    expect(close(arcs[0].end, Math.PI / 2)).toBe(true);
    // n1 owns from n2’s last point (3/4) round past 0 to its own first point (1/4).
    expect(close(arcs[0].start, 0.75 * 2 * Math.PI - 2 * Math.PI)).toBe(true);
    const total = arcs.reduce((s, a) => s + (a.end - a.start), 0);
    expect(close(total, 2 * Math.PI)).toBe(true);
    expect(ownedArcs([5], [3])).toEqual([{ node: 3, start: 0, end: 2 * Math.PI }]);
    expect(ownedArcs([], [])).toEqual([]);
  });

  it('hands the canvas each node’s arcs as angle pairs (one path per node), ticks while few, and a name on every long arc', () => {
    const q = RING_SIZE / 4;
    const layout = { ...layoutOf([1]), positions: Uint32Array.from([q, 2 * q, 3 * q, 0.9 * RING_SIZE]), pointOwners: Uint8Array.from([1, 2, 2, 1]) };
    const shapes = arcShapes(layout)!;
    expect(shapes.byNode.map(([id]) => id)).toEqual([1, 2]);
    const total = shapes.byNode.reduce((sum, [, s]) => sum + s.arcs.reduce((a, x, i) => a + (i % 2 ? x - s.arcs[i - 1] : 0), 0), 0);
    expect(close(total, 2 * Math.PI)).toBe(true);
    expect(shapes.byNode.every(([, s]) => s.ticks.startsWith('M'))).toBe(true);
    expect(shapes.labels.map((l) => l.node).sort()).toEqual([1, 2]);
    expect(arcShapes({ ...layout, positions: new Uint32Array(0), pointOwners: new Uint8Array(0) })).toBeNull();
  });

  it('spaces the members evenly outside the ring, the first at the top', () => {
    const m = memberLayout([1, 2, 5, 9]);
    expect([...m.keys()]).toEqual([1, 2, 5, 9]);
    const p1 = m.get(1)!;
    expect(close(p1.x, RING_C.x) && close(p1.y, RING_C.y - NODE_RING_R)).toBe(true);
    const p5 = m.get(5)!;
    expect(close(p5.y, RING_C.y + NODE_RING_R, 1e-6)).toBe(true);
  });

  it('keeps every key inside the keys’ band, in its owner’s sub-band', () => {
    for (let i = 0; i < 2000; i++) {
      for (const slot of [0, 1, 2, 7, -1]) {
        const r = keyRadius(i, slot);
        expect(r).toBeGreaterThanOrEqual(KEY_R0);
        expect(r).toBeLessThanOrEqual(KEY_R1);
      }
    }
    // Different sub-bands do not overlap.
    expect(keyRadius(5, 0)).toBeLessThan(keyRadius(6, 1));
    expect(keyRadius(5, 1)).toBeLessThan(keyRadius(6, 2));
  });
});

function sv(over: Partial<SuspicionView> = {}): SuspicionView {
  return { id: 1, lastHeartbeatAt: 1000, samples: 10, meanIntervalMs: 100, stdDevMs: 5, deadlineAt: 2000, declaredDown: false, incarnation: 1, lastSeq: 10, ...over };
}

describe('the suspicion meter', () => {
  const timeout: Detector = { kind: 'timeout', phiThreshold: 8, timeoutMs: 1000, minStdDevMs: 20 };
  const phiD: Detector = { kind: 'phi', phiThreshold: 8, timeoutMs: 1000, minStdDevMs: 20 };

  it('timeout: silence over the timeout, full at the deadline', () => {
    expect(suspicionAt(sv(), 1000, timeout).level).toBe(0);
    expect(suspicionAt(sv(), 1420, timeout)).toEqual({ level: 0.42, value: 420, limit: 1000 });
    expect(suspicionAt(sv(), 2000, timeout).level).toBe(1);
    expect(suspicionAt(sv(), 9000, timeout).level).toBe(1);
  });

  it('phi: φ over the threshold, reaching 1 at exactly the silence the router’s deadline is set by (phiDelay)', () => {
    const std = 20; // the deviation 5 is clamped to minStdDevMs
    const delay = phiDelay(100, std, 8);
    const s = sv({ deadlineAt: 1000 + delay });
    expect(suspicionAt(s, 1000 + delay, phiD).level).toBe(1);
    expect(suspicionAt(s, 1000 + delay - 1, phiD).level).toBeLessThan(1);
    expect(suspicionAt(s, 1000 + 50, phiD).level).toBeLessThan(0.05);
    // Rising with the silence.
    const a = suspicionAt(s, 1000 + 120, phiD).level;
    const b = suspicionAt(s, 1000 + 140, phiD).level;
    expect(b).toBeGreaterThan(a);
  });

  it('is full once declared down, empty before the first heartbeat; the role is the router’s view', () => {
    expect(suspicionAt(sv({ declaredDown: true, deadlineAt: Infinity }), 0, phiD).level).toBe(1);
    expect(suspicionAt(sv({ lastHeartbeatAt: -1 }), 5000, timeout).level).toBe(0);
    expect(roleOf(sv({ declaredDown: true }), 0, timeout)).toBe('down');
    expect(roleOf(sv(), 1400, timeout)).toBe('member');
    expect(roleOf(sv(), 1600, timeout)).toBe('suspect');
    expect(roleOf(undefined, 0, timeout)).toBe('member');
  });

  it('reads the detector from the scenario’s config, else the protocol’s defaults (phi, threshold 8)', () => {
    expect(detectorOf(undefined)).toEqual({ kind: 'phi', phiThreshold: 8, timeoutMs: 1000, minStdDevMs: 20 });
    expect(detectorOf({ detector: 'timeout', timeoutMs: 500 })).toMatchObject({ kind: 'timeout', timeoutMs: 500 });
  });
});

function layoutOf(owners: number[], R = 1, version = 0): RingLayout {
  return {
    version,
    scheme: 'ring',
    ring: [...new Set(owners)].sort(),
    replicas: R,
    keys: owners.length / R,
    positions: new Uint32Array(0),
    pointOwners: new Uint8Array(0),
    owners: Uint8Array.from(owners),
    stats: { perNode: [], mean: 0, cv: 0, maxOverMean: 0, cap: 0 },
  };
}

describe('the key canvas’s arithmetic', () => {
  it('moves exactly the keys whose primary owner changed, whatever the other ranks did', () => {
    // R = 2: key 0 keeps n1 as primary (its replica changes), key 1 moves 2 → 3, key 2 moves 2 → 1.
    const prev = layoutOf([1, 2, 2, 1, 2, 3], 2, 0);
    const next = layoutOf([1, 3, 3, 1, 1, 3], 2, 1);
    expect([...movedKeys(prev, next)]).toEqual([1, 2]);
    const groups = groupMoves(movedKeys(prev, next), prev, next);
    expect(groups.map((g) => [g.from, g.to, g.keys])).toEqual([
      [2, 3, [1]],
      [2, 1, [2]],
    ]);
    expect(movedKeys(prev, prev).length).toBe(0);
  });

  it('maps stage units to pixels as the SVG’s viewBox with xMidYMid meet does', () => {
    const vb = { x: 100, y: 0, w: 400, h: 400 };
    const m = pixelMap(800, 400, 2, vb);
    expect(m.w).toBe(1600);
    expect(m.h).toBe(800);
    expect(m.s).toBe(2);
    // The viewBox's centre lands in the canvas's centre; its left edge where the meet letterbox starts.
    expect(m.ox + 300 * m.s).toBe(800);
    expect(m.oy + 200 * m.s).toBe(400);
    expect(m.ox + 100 * m.s).toBe(400);
  });

  it('gives each member its band by its place among the members', () => {
    const s = slotsOf([2, 5, 7]);
    expect([s[2], s[5], s[7], s[1]]).toEqual([0, 1, 2, -1]);
  });
});

describe('on the real simulation (ring-basic)', () => {
  it('the keys the canvas animates at each ring change are the CLI’s `moved` for it, moving only from (or onto) the node that changed', async () => {
    const raw = JSON.parse(await readFile(new URL('../../../public/scenarios/ring-basic.json', import.meta.url), 'utf8'));
    const cli = await runCli('public/scenarios/ring-basic.json');
    const s = new SimSession();
    const loaded = s.load(raw);
    expect(loaded.ok).toBe(true);
    let prev = s.query(0, 'ring') as RingLayout;
    let frame = 0;
    const seen: { moved: number; from: number[]; to: number[] }[] = [];
    while (seen.length < cli.changes.length) {
      frame += 50;
      const v = s.seek(frame);
      if (v.frame < frame) break;
      const layout = s.query(v.frame, 'ring') as RingLayout;
      if (layout.version !== prev.version) {
        const moved = movedKeys(prev, layout);
        const from = new Set<number>();
        const to = new Set<number>();
        for (const i of moved) {
          from.add(prev.owners[i * prev.replicas]);
          to.add(layout.owners[i * layout.replicas]);
        }
        seen.push({ moved: moved.length, from: [...from].sort((a, b) => a - b), to: [...to].sort((a, b) => a - b) });
        prev = layout;
      }
    }
    expect(seen.map((c) => c.moved)).toEqual(cli.changes.map((c) => c.moved));
    cli.changes.forEach((c, i) => {
      expect(seen[i].from).toEqual(Object.keys(c.from).map(Number).sort((a, b) => a - b));
      expect(seen[i].to).toEqual(Object.keys(c.to).map(Number).sort((a, b) => a - b));
    });
    // A crash noticed moves keys only away from the crashed node; an addition only onto the new one.
    expect(seen[0].from).toEqual([3]);
    expect(seen[2].to).toEqual([11]);
  });
});

function node(id: number, over: Partial<HashringNodeView> = {}): HashringNodeView {
  return { id, state: 'member', alive: true, heartbeats: 3, ...over };
}

function storeWith(nodes: HashringNodeView[], hub: HashringHubView, time: number): AppStore {
  const store = createAppStore();
  const s = store.getState();
  store.setState({
    view: {
      ...(s.view ?? {}),
      protocol: 'hashring',
      frame: 10,
      head: 10,
      time,
      nextTime: null,
      nodes,
      alive: nodes.map((n) => n.alive),
      timers: nodes.map(() => []),
      messages: [],
      network: { partition: null, cuts: [], clientCuts: [] },
      ops: [],
      violation: null,
      halted: null,
      event: null,
      hub,
      hubTimers: [],
      members: nodes.map((n) => (n.state === 'absent' ? 0 : n.state === 'member' ? 1 : 2)),
    },
  });
  return store;
}

describe('the members on the stage', () => {
  const nodes = [node(1), node(2, { alive: false }), node(3, { alive: false }), node(4, { state: 'removed' }), node(5, { state: 'absent', heartbeats: 0 })];
  const hub: HashringHubView = {
    ring: [1, 2],
    members: [1, 2, 3],
    suspicion: [sv({ id: 1, lastHeartbeatAt: 1950, deadlineAt: 2950 }), sv({ id: 2, lastHeartbeatAt: 1300, deadlineAt: 2300 }), sv({ id: 3, deadlineAt: Infinity, declaredDown: true })],
    version: 2,
    changes: [{ time: 1800, action: ChangeAction.Down, node: 3, version: 2 }],
  };
  const ring = { ...layoutOf([1, 2, 1, 1]), stats: { perNode: [{ id: 1, keys: 3 }, { id: 2, keys: 1 }], mean: 2, cv: 0.5, maxOverMean: 1.5, cap: 0 } };
  const detector: Detector = { kind: 'timeout', phiThreshold: 8, timeoutMs: 1000, minStdDevMs: 20 };

  function render(lang: 'en' | 'zh') {
    const store = storeWith(nodes, hub, 2000);
    store.getState().setLang(lang);
    return renderToStaticMarkup(
      <StoreProvider store={{ ...store, getInitialState: () => store.getState() }}>
        <svg>
          <RingNodes layout={memberLayout(hub.members)} ring={ring} detector={detector} labelSize={13} />
        </svg>
      </StoreProvider>,
    );
  }

  it('draws every member (absent and removed slots not), with data-node, data-role, data-alive, data-keys and data-declared-down', () => {
    const html = render('en');
    const tags = [...html.matchAll(/<g [^>]*data-node="(\d+)"[^>]*>/g)].map((m) => m[0]);
    expect(tags.length).toBe(3);
    const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
    const [n1, n2, n3] = tags;
    expect([attr(n1, 'data-role'), attr(n1, 'data-alive'), attr(n1, 'data-keys'), attr(n1, 'data-declared-down')]).toEqual(['member', 'true', '3', undefined]);
    // n2 crashed 700 ms ago of a 1000 ms timeout: suspected, not yet declared; data-alive is the truth.
    expect([attr(n2, 'data-role'), attr(n2, 'data-alive'), attr(n2, 'data-keys')]).toEqual(['suspect', 'false', '1']);
    expect([attr(n3, 'data-role'), attr(n3, 'data-alive'), attr(n3, 'data-keys'), attr(n3, 'data-declared-down')]).toEqual(['down', 'false', '0', 'true']);
    // The words drawn on the node come first, in order: its id, then its key count ("crashed", "down").
    expect(attr(n1, 'aria-label')).toBe('Node 1, 3 keys, member');
    expect(attr(n2, 'aria-label')).toBe('Node 2, crashed, suspect, 1 key');
    expect(attr(n3, 'aria-label')).toBe('Node 3, down, 0 keys');
    expect(attr(n3, 'tabindex')).toBe('0');
    // ✕ on the declared node only.
    expect(html.split('✕').length - 1).toBe(1);
  });

  it('names the members in Chinese too', () => {
    const html = render('zh');
    expect(html).toContain('aria-label="节点 3，宕机，0 个键"');
    expect(html).toContain('aria-label="节点 2，已宕机，可疑，1 个键"');
    expect(html).toContain('aria-label="节点 1，3 个键，成员"');
  });

  it('announces each ring change in words, both languages', () => {
    expect(changeAnnouncement(ChangeAction.Down, 3, ringDict('en'))).toBe('The router declares n3 down; its keys move');
    expect(changeAnnouncement(ChangeAction.Add, 11, ringDict('zh'))).toBe('n11 加入哈希环');
    expect(changeAnnouncement(ChangeAction.Rejoin, 3, ringDict('en'))).toBe('n3 is back in the ring');
    expect(changeAnnouncement(ChangeAction.Remove, 4, ringDict('en'))).toBe('n4 leaves the ring');
  });
});
