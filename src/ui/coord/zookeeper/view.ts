/**
 * ZooKeeper's view layer on the ZAB view (ProtocolView.services.zookeeper): its clients and
 * lock queues on the cluster stage, the znode tree and the client history as side-panel tabs.
 */
import type { ServiceView } from '../../views/types';
import { zkDict } from './i18n';
import { lockPaths, zkFrame, zkStageGeometry } from './model';
import { ZkHistoryTab } from './ZkHistoryTab';
import { ZkStageLayer, type ZkStageLayout } from './ZkStage';
import { ZkTreeTab } from './ZkTreeTab';

export const zkServiceView: ServiceView = {
  service: 'zookeeper',
  // The layout follows the client count and the lock paths in use (a new lock adds a queue row).
  layoutKey(service) {
    const f = zkFrame(service);
    return f ? `${f.clients.length}|${lockPaths(f.clients).join('\u0000')}` : '';
  },
  stageLayout(nodes, key, text, nodesBox): ZkStageLayout {
    const [count, paths] = key.split('|');
    const clients = Number(count) || 0;
    const locks = paths ? paths.split('\u0000') : [];
    const zk = zkStageGeometry(nodesBox, clients, locks, text.label, text.id, Math.min(clients, 6));
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
