/** Builders for the model's tests: txns on a tree, with zxids counted from 1. */
import { expect } from 'vitest';
import type { SessionId, Stat, ZkOutcome, ZkTxn } from '../../../../../src/core/coord/zookeeper/types';
import { applyTxn, getNode, newTree, statOf, type ApplyResult, type ZkTree } from '../../../../../src/core/coord/zookeeper/tree';

export const S1: SessionId = 0x100000001;
export const S2: SessionId = 0x100000002;
export const S3: SessionId = 0x100000003;

/** A tree and a zxid counter; `t` applies one txn at the next zxid. */
export class Tx {
  tree: ZkTree = newTree();
  zxid = 0;
  timeMs = 1000;
  apply(txn: ZkTxn): ApplyResult {
    return applyTxn(this.tree, txn, ++this.zxid);
  }
  open(session: SessionId, timeoutMs = 30000): ApplyResult {
    return this.apply({ type: 'createSession', session, timeoutMs, cxid: 0, timeMs: this.timeMs });
  }
  create(session: SessionId, path: string, opts: { data?: string; ephemeral?: boolean; sequential?: boolean } = {}): ApplyResult {
    return this.apply({ type: 'create', session, cxid: 1, timeMs: this.timeMs, path, data: opts.data ?? '', ephemeral: opts.ephemeral ?? false, sequential: opts.sequential ?? false });
  }
  del(session: SessionId, path: string, version = -1): ApplyResult {
    return this.apply({ type: 'delete', session, cxid: 1, timeMs: this.timeMs, path, version });
  }
  set(session: SessionId, path: string, data: string, version = -1): ApplyResult {
    return this.apply({ type: 'setData', session, cxid: 1, timeMs: this.timeMs, path, data, version });
  }
  close(session: SessionId, reason: 'close' | 'expire' = 'close'): ApplyResult {
    return this.apply({ type: 'closeSession', session, reason, cxid: 2, timeMs: this.timeMs });
  }
  stat(path: string): Stat {
    const n = getNode(this.tree, path);
    if (!n) throw new Error(`no node ${path}`);
    return statOf(n);
  }
}

export function okResult(o: ZkOutcome): unknown {
  expect(o).toMatchObject({ ok: true });
  return o.ok ? o.result : undefined;
}

export function errorOf(o: ZkOutcome): string | null {
  return o.ok ? null : o.error;
}
