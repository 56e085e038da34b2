/** How the ZooKeeper service's packets look in flight (ZAB's MessageLook; zxids and session ids in hex). */
import { sessionHex } from '../../coord/zookeeper/types';
import type { MessageLook } from '../../protocol';
import { epochOf, zxidHex, type ZabMsg } from '../types';

type ZkLooked = Extract<ZabMsg, { type: 'Revalidate' | 'RevalidateReply' | 'Sync' | 'SyncReply' | 'SessionMoved' | 'ConnectRequest' | 'ClientPing' | 'ConnectResponse' | 'Reply' | 'ClientPong' | 'WatcherEvent' } | { type: 'Request'; session: number }>;

export function zkLook(msg: ZabMsg): MessageLook {
  const m = msg as ZkLooked;
  switch (m.type) {
    case 'Revalidate':
      return { glyph: 'request', name: 'REVALIDATE', era: 0, fields: { session: sessionHex(m.session), timeout: m.timeoutMs } };
    case 'RevalidateReply':
      return { glyph: 'request', name: 'REVALIDATE', era: 0, verdict: m.valid, fields: { session: sessionHex(m.session), valid: m.valid } };
    case 'Sync':
      return { glyph: 'request', name: 'SYNC', era: 0, fields: { session: sessionHex(m.session), xid: m.xid } };
    case 'SyncReply':
      return { glyph: 'request', name: 'SYNC', era: epochOf(m.zxid), verdict: true, fields: { session: sessionHex(m.session), xid: m.xid, zxid: zxidHex(m.zxid) } };
    case 'SessionMoved':
      return { glyph: 'request', name: 'SessionMoved', era: 0, fields: { session: sessionHex(m.session), to: m.to } };
    case 'ConnectRequest':
      return { glyph: 'client-request', name: 'ConnectRequest', era: 0, fields: { session: sessionHex(m.session), timeout: m.timeoutMs, lastZxidSeen: zxidHex(m.lastZxidSeen) } };
    case 'ClientPing':
      return { glyph: 'client-request', name: 'PING', era: 0, fields: { session: sessionHex(m.session) } };
    case 'Request':
      return { glyph: 'client-request', name: m.req.op, era: 0, fields: { session: sessionHex(m.session), xid: m.xid, ...('path' in m.req ? { path: m.req.path } : {}) } };
    case 'ConnectResponse': {
      const fields: Record<string, string | number> = { session: sessionHex(m.session), timeout: m.timeoutMs };
      if (m.refused !== undefined) fields.refused = m.refused;
      return { glyph: 'client-reply', name: 'ConnectResponse', era: 0, verdict: m.session !== 0, fields };
    }
    case 'Reply': {
      const fields: Record<string, string | number | boolean> = { xid: m.xid, zxid: zxidHex(m.zxid), ok: m.outcome.ok };
      if (!m.outcome.ok) fields.error = m.outcome.error;
      return { glyph: 'client-reply', name: 'Reply', era: epochOf(m.zxid), verdict: m.outcome.ok, fields };
    }
    case 'ClientPong':
      return { glyph: 'client-reply', name: 'PONG', era: epochOf(m.zxid), fields: { zxid: zxidHex(m.zxid) } };
    case 'WatcherEvent':
      return { glyph: 'client-reply', name: 'WatcherEvent', era: epochOf(m.zxid), fields: { type: m.event.type, path: m.event.path, zxid: zxidHex(m.zxid) } };
  }
}
