/** The ZooKeeper service's packets in flight: drawn as existing kinds (the UI's glyph table has one per kind), named as ZooKeeper names them. */
import { describe, expect, it } from 'vitest';
import { zabProtocol } from '../../../../src/core/zab/protocol';
import { ZabMsgKind, type ZabMsg } from '../../../../src/core/zab/types';

const S = 2 * 2 ** 32 + 1;

describe('zk packet looks', () => {
  const cases: [ZabMsg, number, string][] = [
    [{ type: 'ConnectRequest', session: 0, timeoutMs: 3000, lastZxidSeen: 0 }, ZabMsgKind.ClientRequest, 'ConnectRequest'],
    [{ type: 'Request', session: S, xid: 4, req: { op: 'getData', path: '/a', watch: true } }, ZabMsgKind.ClientRequest, 'getData'],
    [{ type: 'ClientPing', session: S }, ZabMsgKind.ClientRequest, 'PING'],
    [{ type: 'Request', clientId: 1001, requestId: 4, value: 'create /a', via: 2, zk: { type: 'create', session: S, cxid: 4, timeMs: 0, path: '/a', data: '', ephemeral: false, sequential: false } }, ZabMsgKind.Request, 'REQUEST'],
    [{ type: 'Revalidate', session: S, timeoutMs: 3000 }, ZabMsgKind.Request, 'REVALIDATE'],
    [{ type: 'SyncReply', session: S, xid: 2, zxid: 2 ** 32 + 5 }, ZabMsgKind.Request, 'SYNC'],
    [{ type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: 'behind' }, ZabMsgKind.ClientReply, 'ConnectResponse'],
    [{ type: 'Reply', xid: 4, zxid: 2 ** 32 + 5, outcome: { ok: false, error: 'NoNode' } }, ZabMsgKind.ClientReply, 'Reply'],
    [{ type: 'WatcherEvent', event: { type: 'NodeDeleted', path: '/a' }, zxid: 2 ** 32 + 6 }, ZabMsgKind.ClientReply, 'WatcherEvent'],
  ];
  it.each(cases.map((c) => [c[2], ...c] as const))('%s', (_name, msg, kind, name) => {
    expect(zabProtocol.kindCode(msg)).toBe(kind);
    const look = zabProtocol.look!(msg);
    expect(look.name).toBe(name);
    expect(JSON.stringify(look.fields)).not.toMatch(/undefined|NaN/);
  });
  it('prints sessions in hex, and a follower PING answer with the sessions it carries', () => {
    expect(zabProtocol.look!({ type: 'Revalidate', session: S, timeoutMs: 3000 }).fields).toEqual({ session: '0x200000001', timeout: 3000 });
    expect(zabProtocol.look!({ type: 'Ping', zxid: 0, sessions: [S] })).toMatchObject({ count: 1, fields: { sessions: '0x200000001' } });
    expect(zabProtocol.look!({ type: 'Ping', zxid: 0 }).fields).toEqual({ zxid: '0x0' });
    expect(zabProtocol.look!({ type: 'Reply', xid: 4, zxid: 1, outcome: { ok: false, error: 'NoNode' } })).toMatchObject({ verdict: false, fields: { error: 'NoNode' } });
  });
});
