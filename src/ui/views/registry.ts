/** Protocol views by protocol name. A new protocol adds its folder and one line here. */
import { raftView } from '../raft/view';
import { zabView } from '../zab/view';
import type { ProtocolView } from './types';

const VIEWS: Record<string, ProtocolView> = { raft: raftView, zab: zabView };

export function viewFor(protocol: string | undefined): ProtocolView {
  return (protocol && VIEWS[protocol]) || raftView;
}
