/** What both ZooKeeper lesson story helpers name: every note a ZooKeeper run records, and a client's actor id. */
import { CLIENT_ID_BASE } from '../../../src/core/protocol';
import { ZK_CLIENT_NOTES } from '../../../src/core/coord/zookeeper/client';
import { ZabNotes, ZabZkNotes } from '../../../src/core/zab/types';

/** ZAB's notes, the ZooKeeper servers' (ZabZkNotes) and the client's (ZK_CLIENT_NOTES), by name. */
export const ZK_NOTE_TABLE = { ...ZabNotes, ...ZabZkNotes, ...ZK_CLIENT_NOTES };
export type ZkNoteName = keyof typeof ZK_NOTE_TABLE;

/** Client c's actor id (1-based c): the `node` of its notes, the `client` field of the servers' notes. */
export const clientActor = (c: number): number => CLIENT_ID_BASE + c - 1;

/** A story's note lookups over its notes (either helper's note shape): `of` a name (at a node), and the `first`, which throws when there is none. */
export function noteLookup<N extends { name: string; node: number }>(story: string, notes: readonly N[]) {
  const of = (what: ZkNoteName, node?: number): N[] => notes.filter((n) => n.name === what && (node === undefined || n.node === node));
  const first = (what: ZkNoteName, node?: number): N => {
    const n = of(what, node)[0];
    if (!n) throw new Error(`${story}: no ${what}${node === undefined ? '' : ` at ${node}`}`);
    return n;
  };
  return { of, first };
}
