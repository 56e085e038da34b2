/**
 * The CLI's shapes for ZooKeeper state (DESIGN.md, "The coordination layer"): a Stat with
 * zxids and ephemeralOwner as `0x…`, and the final `tree` sorted by path without `/` and
 * `/zookeeper…`.
 */
import { zxidHex } from '../../zab/types';
import { sessionHex, type Stat, type StatOutput, type TreeRow } from './types';
import { ROOT, isSystemPath } from './paths';
import { statOf, type ZkTree } from './tree';

export function statOutput(stat: Stat): StatOutput {
  return {
    version: stat.version,
    cversion: stat.cversion,
    numChildren: stat.numChildren,
    ephemeralOwner: sessionHex(stat.ephemeralOwner),
    czxid: zxidHex(stat.czxid),
    mzxid: zxidHex(stat.mzxid),
    pzxid: zxidHex(stat.pzxid),
  };
}

/** Every user znode, sorted by path (JS string order = Java's String.compareTo). */
export function treeRows(tree: ZkTree): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const path of [...tree.nodes.keys()].sort()) {
    if (path === ROOT || isSystemPath(path)) continue;
    const node = tree.nodes.get(path)!;
    const stat = statOf(node);
    rows.push({ path, data: node.data, version: stat.version, cversion: stat.cversion, ephemeralOwner: sessionHex(stat.ephemeralOwner) });
  }
  return rows;
}
