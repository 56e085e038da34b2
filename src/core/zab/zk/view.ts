/** What the UI draws of one server's ZooKeeper service: applied zxid, a compact tree with this server's watches, its connections, its tracker. */
import { lastApplied } from '../../coord/zookeeper/server';
import { isSystemPath, ROOT } from '../../coord/zookeeper/paths';
import { allPaths, statOf } from '../../coord/zookeeper/tree';
import type { SessionId } from '../../coord/zookeeper/types';
import type { ZabNode } from '../state';
import { ZK_ROW_DATA_CHARS, type ZkServerView, type ZkTreeRowView } from '../types';

function sorted(s: ReadonlySet<SessionId> | undefined): SessionId[] {
  return s === undefined ? [] : [...s].sort((a, b) => a - b);
}

export function zkView(n: ZabNode, alive: boolean): ZkServerView {
  const st = n.zk!;
  const s = n.zkServe!;
  const rows: ZkTreeRowView[] = [];
  for (const path of allPaths(st.tree)) {
    if (path !== ROOT && isSystemPath(path)) continue;
    const z = st.tree.nodes.get(path)!;
    const stat = statOf(z);
    rows.push({
      path,
      version: z.version,
      ephemeralOwner: z.ephemeralOwner,
      dataWatches: sorted(st.watches.data.get(path)),
      childWatches: sorted(st.watches.child.get(path)),
      stat: { data: z.data.slice(0, ZK_ROW_DATA_CHARS), dataLength: stat.dataLength, cversion: stat.cversion, numChildren: stat.numChildren, czxid: stat.czxid, mzxid: stat.mzxid, pzxid: stat.pzxid },
    });
  }
  const connections = alive ? [...s.conns.values()].map((c) => ({ session: c.session, client: c.client, waiting: c.queue.length })).sort((a, b) => a.session - b.session) : [];
  const tracker =
    alive && n.state === 'leading'
      ? [...s.tracker].map(([session, t]) => ({ session, timeoutMs: t.timeoutMs, expireAt: t.expireAt })).sort((a, b) => a.session - b.session)
      : [];
  return { appliedZxid: lastApplied(st), rows, connections, tracker };
}
