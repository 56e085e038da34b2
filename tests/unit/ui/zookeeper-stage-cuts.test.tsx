/**
 * A client's links on the ZooKeeper stage: the frame's clientCuts as the shared cut
 * vocabulary (red dashes, ✂) on the client's lines, a client cut off from every server
 * marked isolated (in its name too), the connection line of a cut link not drawn as one;
 * and the client menu's actions, each a script action the scenario parser accepts.
 */
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { actionLimits, parseAction } from '../../../src/sim/scenario';
import { getProtocol } from '../../../src/core/registry';
import { getService } from '../../../src/core/coord/registry';
import { createAppStore, type AppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/ui/StoreContext';
import { circleLayout, fitViewBox, FULL_MIN_VIEW, NODE_R, stageText } from '../../../src/ui/stage/geometry';
import { clientCutLines, clientLinks, clientPath, lineObstacles, pathD } from '../../../src/ui/coord/zookeeper/model';
import { clientMenuActions, PAUSE_MS } from '../../../src/ui/coord/zookeeper/ZkClientMenu';
import { zkServiceView } from '../../../src/ui/coord/zookeeper/view';
import { createInProcessClient } from '../../../src/worker/client';

const raw = JSON.parse(readFileSync(new URL('../../../public/scenarios/zk-basic.json', import.meta.url), 'utf8'));

describe('client links', () => {
  it('groups the cuts by client: one cut link, none, every one (isolated); ignores duplicates and servers out of range', () => {
    const cuts: [number, number][] = [
      [1, 3],
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 2],
      [3, 7],
    ];
    expect(clientLinks(3, 3, cuts)).toEqual([
      { client: 1, cut: [1, 2, 3], isolated: true },
      { client: 2, cut: [2], isolated: false },
      { client: 3, cut: [], isolated: false },
    ]);
    // Cut from two of five servers is not isolated; from all five is.
    expect(clientLinks(1, 5, [[1, 1], [1, 2]])[0].isolated).toBe(false);
    expect(clientLinks(1, 5, [1, 2, 3, 4, 5].map((s) => [1, s] as [number, number]))[0].isolated).toBe(true);
    expect(clientLinks(2, 0, [])).toEqual([
      { client: 1, cut: [], isolated: false },
      { client: 2, cut: [], isolated: false },
    ]);
  });

  it('draws a cut from the client box’s left edge to the server circle’s edge, ✂ half-way; unknown actors are skipped', () => {
    const clients = new Map([[1, { x: 400, y: 100 }]]);
    const servers = new Map([
      [1, { x: 100, y: 100 }],
      [2, { x: 250, y: 300 }],
    ]);
    const lines = clientCutLines(
      [
        [1, 1],
        [1, 2],
        [1, 9],
        [4, 1],
      ],
      (c) => clients.get(c),
      servers,
      35,
      NODE_R,
    );
    expect(lines.map((l) => `${l.client}-${l.server}`)).toEqual(['1-1', '1-2']);
    const [a, b] = lines;
    // Nothing in the way: straight (the control point on the chord), ending on n1's circle.
    expect(a).toMatchObject({ client: 1, server: 1, x1: 365, y1: 100, x2: 100 + NODE_R + 2, y2: 100, my: 100 });
    expect(a.cy).toBeCloseTo(100, 9);
    expect(a.mx).toBeCloseTo((365 + 132) / 2, 9);
    expect(Math.hypot(b.x2 - 250, b.y2 - 300)).toBeCloseTo(NODE_R + 2, 6);
    expect(b.mx).toBeCloseTo((b.x1 + b.x2) / 2, 9);
    expect(b.my).toBeCloseTo((b.y1 + b.y2) / 2, 9);
    expect(pathD(a)).toBe('M365,100 Q248.5,100 132,100');
  });

  it('bends a line that would run through another server (c3 → n3 past n2), to the side with room, still ending on the circle', () => {
    const n2 = { x: 435, y: 385 };
    const n3 = { x: 206, y: 385 };
    const c = clientPath({ x: 655, y: 378 }, n3, [n2, { x: 320, y: 187 }], NODE_R);
    expect(Math.hypot(c.cx - (655 + 206) / 2, c.cy - (378 + 385) / 2)).toBeGreaterThan(50);
    expect(Math.hypot(c.x2 - n3.x, c.y2 - n3.y)).toBeCloseTo(NODE_R + 2, 6);
    // Its middle (where ✂ sits) is well away from n2, so the cut never reads as n2's.
    expect(Math.hypot(c.mx - n2.x, c.my - n2.y)).toBeGreaterThan(NODE_R + 10);
    for (let i = 0; i <= 20; i++) {
      const t = i / 20;
      const x = (1 - t) ** 2 * c.x1 + 2 * (1 - t) * t * c.cx + t * t * c.x2;
      const y = (1 - t) ** 2 * c.y1 + 2 * (1 - t) * t * c.cy + t * t * c.y2;
      expect(Math.hypot(x - n2.x, y - n2.y)).toBeGreaterThan(NODE_R);
    }
    // With the labels under n2 (and n1) as obstacles too, it passes above them, not through its words.
    const servers = new Map([
      [1, { x: 320, y: 187 }],
      [2, n2],
      [3, n3],
    ]);
    const obstacles = lineObstacles(servers, 3, NODE_R, 16);
    expect(obstacles).toHaveLength(6);
    const up = clientPath({ x: 655, y: 378 }, n3, obstacles, NODE_R);
    expect(up.cy).toBeLessThan(n2.y);
    for (const o of obstacles) expect(Math.hypot(up.mx - o.x, up.my - o.y)).toBeGreaterThan(NODE_R);
  });
});

describe('the client menu’s actions', () => {
  const parsed = { protocol: getProtocol('zab')!, service: getService('zookeeper')! };
  const limits = actionLimits(parsed.protocol, 3, parsed.service, 3);
  const valid = (a: object) => parseAction({ ...a, at: 100 }, 0, limits);

  it('offers cut-all or mend-all as the links are, the selected server’s link alone, pause and close; each parses as a script action', () => {
    const whole = clientMenuActions({ client: 2, cut: [], isolated: false }, 0, 3, true);
    expect(whole.cutAll).toEqual({ do: 'cut', client: 2 });
    expect(whole.mendAll).toBeNull();
    expect(whole.one).toBeNull();
    expect(whole.pause).toEqual({ do: 'client', client: 2, op: 'pause', ms: PAUSE_MS });
    expect(whole.close).toEqual({ do: 'client', client: 2, op: 'close' });

    const isolated = clientMenuActions({ client: 1, cut: [1, 2, 3], isolated: true }, 2, 3, true);
    expect(isolated.cutAll).toBeNull();
    expect(isolated.mendAll).toEqual({ do: 'mend', client: 1 });
    expect(isolated.one).toEqual({ node: 2, cut: true, action: { do: 'mend', client: 1, node: 2 } });

    const partly = clientMenuActions({ client: 3, cut: [1], isolated: false }, 2, 3, false);
    expect(partly.cutAll).toEqual({ do: 'cut', client: 3 });
    expect(partly.mendAll).toEqual({ do: 'mend', client: 3 });
    expect(partly.one?.action).toEqual({ do: 'cut', client: 3, node: 2 });
    expect(partly.close).toBeNull();
    // A selection that is no server (0, or out of range) offers no single link.
    expect(clientMenuActions({ client: 3, cut: [], isolated: false }, 4, 3, true).one).toBeNull();

    for (const a of [whole.cutAll, whole.pause, whole.close, isolated.mendAll, isolated.one!.action, partly.one!.action]) expect(() => valid(a!)).not.toThrow();
  });
});

describe('the stage layer on a real run (zk-basic)', () => {
  async function storeAt(time: number): Promise<AppStore> {
    const store = createAppStore({ fetchLesson: async () => raw });
    const client = await createInProcessClient();
    store.getState().connect(client.api);
    await store.getState().openLesson('zk-basic');
    await store.getState().seekTime(time);
    return store;
  }

  function render(store: AppStore): string {
    const view = store.getState().view!;
    const text = stageText(false, false);
    const nodes = circleLayout(view.nodes.length);
    const layout = zkServiceView.stageLayout(nodes, zkServiceView.layoutKey(view.service!), text, fitViewBox(nodes, text, FULL_MIN_VIEW));
    const Layer = zkServiceView.StageLayer;
    // Server rendering reads zustand's initial state: hand it the state as it is now.
    return renderToStaticMarkup(
      <StoreProvider store={{ ...store, getInitialState: () => store.getState() }}>
        <svg>
          <Layer layout={layout} text={text} />
        </svg>
      </StoreProvider>,
    );
  }

  const clientTag = (html: string, c: number) => new RegExp(`<g class="zk-client [^"]*" data-client="${c}"[^>]*>`).exec(html)?.[0] ?? '';

  it('cut off from every server: three cut lines with ✂, the client marked isolated in look and name, no connection line', async () => {
    const store = await storeAt(3500);
    const before = render(store);
    expect(before).not.toContain('data-client-cut');
    expect(before).toMatch(/data-conn="1-\d"/);
    await store.getState().act({ do: 'cut', client: 1 });
    const html = render(store);
    expect([...html.matchAll(/data-client-cut="(\d-\d)"/g)].map((m) => m[1])).toEqual(['1-1', '1-2', '1-3']);
    expect(html.match(/✂/g)?.length).toBeGreaterThanOrEqual(4);
    const tag = clientTag(html, 1);
    expect(tag).toContain('isolated');
    expect(tag).toContain('data-isolated="true"');
    expect(tag).toContain('data-cut="1 2 3"');
    expect(tag).toContain('cut off from every server');
    expect(html).not.toMatch(/data-conn="1-/);
    expect(html).toContain('✂ cut off');
    // The other clients are untouched.
    expect(clientTag(html, 2)).toContain('data-isolated="false"');
    expect(html).toMatch(/data-conn="2-\d"/);
    // Chinese says it in Chinese.
    store.getState().setLang('zh');
    expect(clientTag(render(store), 1)).toContain('与所有服务器的连接都已切断');
  });

  it('one link cut: that line only, not isolated, named in words; mended, the stage is whole again', async () => {
    const store = await storeAt(4500);
    const server = store.getState().view!.service!.clients[1] as { server: number };
    const other = server.server === 1 ? 2 : 1;
    await store.getState().act({ do: 'cut', client: 2, node: other });
    const html = render(store);
    expect([...html.matchAll(/data-client-cut="(\d-\d)"/g)].map((m) => m[1])).toEqual([`2-${other}`]);
    const tag = clientTag(html, 2);
    expect(tag).toContain('data-isolated="false"');
    expect(tag).toContain(`its link to n${other} is cut`);
    // Its connection to its own server is still drawn.
    expect(html).toContain(`data-conn="2-${server.server}"`);
    await store.getState().act({ do: 'mend', client: 2 });
    expect(render(store)).not.toContain('data-client-cut');
  });
});
