import { describe, expect, it } from 'vitest';
import { parseZkOp, zkOpArgs, zkOpFields } from '../../../../../src/core/coord/zookeeper/ops';
import { ScenarioError } from '../../../../../src/core/protocol';
import type { ZkOp } from '../../../../../src/core/coord/zookeeper/types';

const action = (fields: Record<string, unknown>) => ({ at: 0, do: 'client', client: 1, ...fields });
const parse = (fields: Record<string, unknown>, servers = 3) => parseZkOp(action(fields), 'script[3]', servers);
const refusal = (fields: Record<string, unknown>, servers = 3): { field: string; message: string } => {
  try {
    parse(fields, servers);
  } catch (e) {
    if (e instanceof ScenarioError) return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('accepted');
};

describe('parseZkOp', () => {
  it('fills in the defaults', () => {
    expect(parse({ op: 'connect' })).toEqual({ op: 'connect', sessionTimeoutMs: 30000 });
    expect(parse({ op: 'connect', server: 2, sessionTimeoutMs: 5000 })).toEqual({ op: 'connect', server: 2, sessionTimeoutMs: 5000 });
    expect(parse({ op: 'create', path: '/a' })).toEqual({ op: 'create', path: '/a', data: '', ephemeral: false, sequential: false });
    expect(parse({ op: 'delete', path: '/a' })).toEqual({ op: 'delete', path: '/a', version: -1 });
    expect(parse({ op: 'setData', path: '/a' })).toEqual({ op: 'setData', path: '/a', data: '', version: -1 });
    for (const op of ['getData', 'exists', 'getChildren'] as const) expect(parse({ op, path: '/a' })).toEqual({ op, path: '/a', watch: false });
    expect(parse({ op: 'sync', path: '/' })).toEqual({ op: 'sync', path: '/' });
    expect(parse({ op: 'close' })).toEqual({ op: 'close' });
    expect(parse({ op: 'lock', path: '/l' })).toEqual({ op: 'lock', path: '/l' });
    expect(parse({ op: 'unlock', path: '/l' })).toEqual({ op: 'unlock', path: '/l' });
    expect(parse({ op: 'pause', ms: 100 })).toEqual({ op: 'pause', ms: 100 });
  });

  it('keeps malformed but string paths (the client fails them BadArguments, as the Java client refuses them)', () => {
    expect(parse({ op: 'getData', path: 'no-slash' })).toMatchObject({ path: 'no-slash' });
  });

  it('names every bad field', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ op: 'frobnicate' }, 'script[3].op', /one of connect, create/],
      [{}, 'script[3].op', /one of/],
      [{ op: 'create' }, 'script[3].path', /znode path/],
      [{ op: 'create', path: '' }, 'script[3].path', /znode path/],
      [{ op: 'create', path: 7 }, 'script[3].path', /got 7/],
      [{ op: 'create', path: '/a', data: 1 }, 'script[3].data', /a string/],
      [{ op: 'create', path: '/a', ephemeral: 'yes' }, 'script[3].ephemeral', /true or false/],
      [{ op: 'create', path: '/a', sequential: 1 }, 'script[3].sequential', /true or false/],
      [{ op: 'create', path: '/a', version: 1 }, 'script[3].version', /no such field for op create/],
      [{ op: 'delete', path: '/a', version: -2 }, 'script[3].version', /from -1 to 2147483647/],
      [{ op: 'setData', path: '/a', version: 1.5 }, 'script[3].version', /an integer/],
      [{ op: 'getData', path: '/a', watch: 'true' }, 'script[3].watch', /true or false/],
      [{ op: 'connect', server: 4 }, 'script[3].server', /from 1 to 3/],
      [{ op: 'connect', sessionTimeoutMs: 0 }, 'script[3].sessionTimeoutMs', /an integer from 1/],
      [{ op: 'close', path: '/a' }, 'script[3].path', /no such field for op close \(allowed: at, do, client, op\)/],
      [{ op: 'pause' }, 'script[3].ms', /an integer from 1/],
      [{ op: 'pause', ms: -5 }, 'script[3].ms', /got -5/],
      [{ op: 'lock', path: '/l', watch: true }, 'script[3].watch', /no such field/],
      [{ op: 'sync' }, 'script[3].path', /znode path/],
      [{ op: 'create', path: '/a', data: 'x'.repeat(5000) }, 'script[3].data', /at most 4096/],
    ];
    for (const [fields, field, msg] of cases) {
      const r = refusal(fields);
      expect(r.field, JSON.stringify(fields)).toBe(field);
      expect(r.message, JSON.stringify(fields)).toMatch(msg);
    }
  });

  it('zkOpArgs lists what the op ran with, defaults included; zkOpFields writes back only what differs, and parses to the same op', () => {
    const ops: ZkOp[] = [
      { op: 'connect', sessionTimeoutMs: 30000 },
      { op: 'connect', server: 2, sessionTimeoutMs: 4000 },
      { op: 'create', path: '/a', data: '', ephemeral: true, sequential: false },
      { op: 'delete', path: '/a', version: -1 },
      { op: 'setData', path: '/a', data: 'x', version: 3 },
      { op: 'getChildren', path: '/', watch: true },
      { op: 'close' },
      { op: 'pause', ms: 10 },
      { op: 'lock', path: '/l' },
    ];
    expect(zkOpArgs(ops[0])).toEqual({ sessionTimeoutMs: 30000 });
    expect(zkOpArgs(ops[2])).toEqual({ path: '/a', data: '', ephemeral: true, sequential: false });
    expect(zkOpArgs(ops[6])).toEqual({});
    expect(zkOpFields(ops[0])).toEqual({ op: 'connect' });
    expect(zkOpFields(ops[2])).toEqual({ op: 'create', path: '/a', ephemeral: true });
    expect(zkOpFields(ops[3])).toEqual({ op: 'delete', path: '/a' });
    for (const op of ops) expect(parse(zkOpFields(op))).toEqual(op);
  });
});
