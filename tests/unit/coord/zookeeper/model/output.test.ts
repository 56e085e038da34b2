/** The CLI's shapes: statOutput and the final tree rows. */
import { describe, expect, it } from 'vitest';
import { statOutput, treeRows } from '../../../../../src/core/coord/zookeeper/output';
import { S1, Tx } from './helpers';

describe('output', () => {
  it('statOutput prints zxids and ephemeralOwner as 0x… and keeps the counts', () => {
    const t = new Tx();
    t.open(S1);
    t.zxid = 0x100000002;
    t.create(S1, '/e', { ephemeral: true });
    expect(statOutput(t.stat('/e'))).toEqual({ version: 0, cversion: 0, numChildren: 0, ephemeralOwner: '0x100000001', czxid: '0x100000003', mzxid: '0x100000003', pzxid: '0x100000003' });
    expect(statOutput(t.stat('/')).ephemeralOwner).toBe('0x0');
  });
  it('treeRows: sorted by path as strings ("/a-x" before "/a/e": "-" < "/"), without / and /zookeeper…, with data, version, cversion, owner', () => {
    const t = new Tx();
    t.open(S1);
    t.create(S1, '/b', { data: 'B' });
    t.create(S1, '/a-x');
    t.create(S1, '/a');
    t.create(S1, '/a/e', { ephemeral: true });
    t.create(S1, '/a/s-', { sequential: true });
    t.del(S1, '/a/s-0000000001');
    t.set(S1, '/b', 'BB');
    t.create(S1, '/zookeeper/mine');
    expect(treeRows(t.tree)).toEqual([
      { path: '/a', data: '', version: 0, cversion: 3, ephemeralOwner: '0x0' },
      { path: '/a-x', data: '', version: 0, cversion: 0, ephemeralOwner: '0x0' },
      { path: '/a/e', data: '', version: 0, cversion: 0, ephemeralOwner: '0x100000001' },
      { path: '/b', data: 'BB', version: 1, cversion: 0, ephemeralOwner: '0x0' },
    ]);
  });
});
