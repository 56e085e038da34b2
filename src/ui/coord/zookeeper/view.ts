/**
 * ZooKeeper's view layer on the ZAB view (ProtocolView.services.zookeeper): its clients and
 * lock queues on the cluster stage, the znode tree and the client history as side-panel tabs.
 */
import type { Scenario } from '../../../sim/scenario';
import type { ServiceView } from '../../views/types';
import { zkDict } from './i18n';
import { lockPaths, zkFrame, zkStageGeometry } from './model';
import { ZkHistoryTab } from './ZkHistoryTab';
import { ZkStageLayer, type ZkStageLayout } from './ZkStage';
import { ZkTreeTab } from './ZkTreeTab';

/**
 * The shape of the stage's box in an 800×450 embed (w / h): the stage alone above the
 * transport, or beside the protocol's state view. The embed's layout is chosen to scale
 * largest in it.
 */
export const EMBED_ASPECT = { wide: 800 / 356, beside: 1.6 };

// Per script (a scenario's script is never changed in place: an action forks a new scenario).
const locksOfScript = new WeakMap<readonly unknown[], string[]>();
const NO_LOCKS: string[] = [];

/**
 * The lock paths the run's script takes (its clients' `lock` actions), in script order.
 * Asked by the stage's layout key at every store change (every frame while playing), so
 * each script is read once.
 */
export function scriptLocks(scenario: Scenario | null | undefined): string[] {
  const script = scenario?.script;
  if (!script) return NO_LOCKS;
  let out = locksOfScript.get(script);
  if (!out) {
    out = [];
    for (const a of script) if (a.do === 'client' && a.op === 'lock' && typeof a.path === 'string' && !out.includes(a.path)) out.push(a.path);
    locksOfScript.set(script, out);
  }
  return out;
}

export const zkServiceView: ServiceView = {
  service: 'zookeeper',
  // The layout follows the client count, the lock paths in use (a new lock adds a queue row)
  // and the ones the run's script will take (their rows are kept before the first lock).
  layoutKey(service, scenario) {
    const f = zkFrame(service);
    return f ? `${f.clients.length}|${lockPaths(f.clients).join('\u0000')}|${scriptLocks(scenario).join('\u0000')}` : '';
  },
  stageLayout(nodes, key, text, nodesBox, fit): ZkStageLayout {
    const [count, paths, later] = key.split('|');
    const clients = Number(count) || 0;
    const locks = paths ? paths.split('\u0000') : [];
    const embed = fit?.embed ?? false;
    const zk = zkStageGeometry(nodesBox, clients, locks, text.label, text.id, Math.min(clients, 6), {
      embed,
      aspect: embed ? (fit?.wide ? EMBED_ASPECT.wide : EMBED_ASPECT.beside) : undefined,
      scriptLocks: later ? later.split('\u0000') : [],
    });
    const actors = new Map(nodes);
    for (const [id, p] of zk.clients) actors.set(id, p);
    return { actors, viewBox: zk.box, zk };
  },
  StageLayer: ZkStageLayer,
  tabs: [
    { id: 'zk-tree', label: (lang) => zkDict(lang).tabTree, Panel: ZkTreeTab },
    { id: 'zk-history', label: (lang) => zkDict(lang).tabHistory, Panel: ZkHistoryTab },
  ],
  dict: zkDict,
};
