/**
 * Versions on hover: each server's tree row carries the rest of its znode's Stat and its
 * data (the ZAB zk view), the model turns it into the stat card's lines, and the Znodes tab
 * gives every row that stat as its accessible description. Checked against what a real
 * client of the same run received (setData's Stat) and against ZooKeeper's own rules
 * (cversion counts child creations and deletions; the root counts /zookeeper).
 */
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Stat } from '../../../src/core/coord/zookeeper/types';
import { ZK_ROW_DATA_CHARS, zxidOf, type ZabNodeView } from '../../../src/core/zab/types';
import { SimSession } from '../../../src/sim/session';
import { createAppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/ui/StoreContext';
import { zkDict } from '../../../src/ui/coord/zookeeper/i18n';
import { statLines, treeRows, zkFrame, sessionOwners, type TreeRowVM } from '../../../src/ui/coord/zookeeper/model';
import { statText, ZkTreeTab } from '../../../src/ui/coord/zookeeper/ZkTreeTab';
import { createInProcessClient } from '../../../src/worker/client';

const raw = JSON.parse(readFileSync(new URL('../../../public/scenarios/zk-basic.json', import.meta.url), 'utf8'));

function rowVM(over: Partial<TreeRowVM>): TreeRowVM {
  return { path: '/a', depth: 1, name: 'a', base: 'a', seq: null, version: 0, ephemeral: false, owner: 0, ownerClient: 0, children: 0, watches: [], fired: [], gone: false, stat: null, ...over };
}

describe('the stat lines of a znode', () => {
  it('lists data, version, cversion, numChildren, ephemeralOwner, czxid, mzxid, pzxid (and dataLength), zxids and the owner in hex', () => {
    const r = rowVM({
      version: 3,
      owner: 0x200000001,
      stat: { data: 'v2', dataLength: 2, cversion: 4, numChildren: 1, czxid: zxidOf(1, 2), mzxid: zxidOf(1, 9), pzxid: zxidOf(2, 1) },
    });
    expect(statLines(r)).toEqual([
      { field: 'data', value: '"v2"' },
      { field: 'version', value: '3' },
      { field: 'cversion', value: '4' },
      { field: 'numChildren', value: '1' },
      { field: 'ephemeralOwner', value: '0x200000001' },
      { field: 'czxid', value: '0x100000002' },
      { field: 'mzxid', value: '0x100000009' },
      { field: 'pzxid', value: '0x200000001' },
      { field: 'dataLength', value: '2' },
    ]);
  });

  it('marks data the view cut short, and a row without the view’s stat (a deleted node still flashing) keeps what it knows', () => {
    const long = 'x'.repeat(ZK_ROW_DATA_CHARS);
    const cut = statLines(rowVM({ stat: { data: long, dataLength: 500, cversion: 0, numChildren: 0, czxid: 1, mzxid: 1, pzxid: 1 } }));
    expect(cut[0].value).toBe(`"${long}…"`);
    const whole = statLines(rowVM({ stat: { data: long, dataLength: ZK_ROW_DATA_CHARS, cversion: 0, numChildren: 0, czxid: 1, mzxid: 1, pzxid: 1 } }));
    expect(whole[0].value).toBe(`"${long}"`);
    expect(statLines(rowVM({ version: 2, children: 1 })).map((l) => l.field)).toEqual(['version', 'numChildren', 'ephemeralOwner']);
  });

  it('reads as one sentence in both languages', () => {
    const lines = statLines(rowVM({ stat: { data: 'v1', dataLength: 2, cversion: 0, numChildren: 0, czxid: 5, mzxid: 5, pzxid: 5 } }));
    expect(statText(lines, zkDict('en'))).toBe('Stat: data "v1", version 0, cversion 0, numChildren 0, ephemeralOwner 0x0, czxid 0x5, mzxid 0x5, pzxid 0x5, dataLength 2');
    expect(statText(lines, zkDict('zh'))).toMatch(/^Stat：数据 "v1", version 0, /);
  });
});

describe('the servers’ rows carry each znode’s Stat (zk-basic)', () => {
  const session = new SimSession();
  expect(session.load(raw).ok).toBe(true);

  it('agrees with the Stat the client got back from setData, on the server that answered it', () => {
    const v = session.advanceTo(2200, 1_000_000);
    const f = zkFrame(v.service)!;
    const set = f.ops.find((o) => o.op === 'setData' && o.ok)!;
    const st = set.result as Stat;
    const c1 = f.clients[0];
    const server = (v.nodes as ZabNodeView[]).find((n) => n.id === c1.server)!;
    const row = server.zk!.rows.find((r) => r.path === '/config')!;
    expect(row.version).toBe(st.version);
    expect(row.stat).toEqual({ data: 'v2', dataLength: st.dataLength, cversion: st.cversion, numChildren: st.numChildren, czxid: st.czxid, mzxid: st.mzxid, pzxid: st.pzxid });
    expect(row.stat!.mzxid).toBeGreaterThan(row.stat!.czxid);
  });

  it('follows ZooKeeper’s rules: cversion counts creations and deletions, pzxid the last child change, the root counts /zookeeper', () => {
    const v = session.advanceTo(16500, 1_000_000);
    const leader = (v.nodes as ZabNodeView[]).find((n) => n.role === 'leading')!;
    const rows = leader.zk!.rows;
    const lock = rows.find((r) => r.path === '/lock')!;
    const kids = rows.filter((r) => r.path.startsWith('/lock/'));
    expect(kids.map((r) => r.path)).toEqual(['/lock/lock-0000000002']);
    // Three lock nodes created, two deleted (the expired holder's, the unlocked one's).
    expect(lock.stat).toMatchObject({ numChildren: 1, cversion: 5 });
    expect(lock.stat!.pzxid).toBeGreaterThan(kids[0].stat!.czxid);
    const root = rows.find((r) => r.path === '/')!;
    expect(root.stat!.numChildren).toBe(rows.filter((r) => /^\/[^/]+$/.test(r.path)).length + 1);
    // Every row carries its stat.
    expect(rows.every((r) => r.stat !== undefined)).toBe(true);
    const owners = sessionOwners(zkFrame(v.service)!.clients, zkFrame(v.service)!.ops, v.nodes as ZabNodeView[]);
    const eph = treeRows(leader.zk!, owners).find((r) => r.ephemeral)!;
    expect(statLines(eph).find((l) => l.field === 'ephemeralOwner')!.value).toBe(`0x${eph.owner.toString(16)}`);
  });
});

describe('the Znodes tab', () => {
  it('gives every row its stat as accessible description (the hover card says the same)', async () => {
    const store = createAppStore({ fetchLesson: async () => raw });
    const client = await createInProcessClient();
    store.getState().connect(client.api);
    await store.getState().openLesson('zk-basic');
    await store.getState().seekTime(2300);
    for (const lang of ['en', 'zh'] as const) {
      store.getState().setLang(lang);
      const html = renderToStaticMarkup(
        // Server rendering reads zustand's initial state: hand it the state as it is now.
        <StoreProvider store={{ ...store, getInitialState: () => store.getState() }}>
          <ZkTreeTab />
        </StoreProvider>,
      );
      const rows = [...html.matchAll(/<li [^>]*data-path="([^"]+)"[^>]*aria-describedby="([^"]+)"/g)];
      expect(rows.map((m) => m[1])).toEqual(['/', '/config', '/lock']);
      for (const [, path, id] of rows) {
        const desc = new RegExp(`<span id="${id}" class="sr-only">([^<]*)</span>`).exec(html);
        expect(desc, path).not.toBeNull();
        for (const f of ['version', 'cversion', 'numChildren', 'ephemeralOwner', 'czxid', 'mzxid', 'pzxid']) expect(desc![1], `${lang} ${path} ${f}`).toContain(f);
      }
      const config = new RegExp(`data-path="/config"[^>]*aria-describedby="([^"]+)"`).exec(html)![1];
      const text = new RegExp(`<span id="${config}" class="sr-only">([^<]*)</span>`).exec(html)![1];
      expect(text).toContain(lang === 'en' ? 'data &quot;v2&quot;, version 1,' : '数据 &quot;v2&quot;, version 1,');
      expect(text).toMatch(/mzxid 0x1000000[0-9a-f]{2}/);
      // No card is drawn until a row is hovered or focused.
      expect(html).not.toContain('zk-stat-card');
    }
  });
});
