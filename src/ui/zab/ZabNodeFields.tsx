/** The ZAB state of the selected server, as the worker reports it. */
import type { ZabNodeView } from '../../core/zab/types';
import { zxidHex } from '../../core/zab/types';
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { NodeFieldList } from '../panel/NodeFieldList';
import { ZAB_GLYPH_TABLE } from './glyphs';
import { zabDict } from './i18n';

export function ZabNodeFields({ node }: { node: unknown }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const z = zabDict(lang);
  const n = node as ZabNodeView;
  const rows: [string, string][] = [
    [z.fieldState, z.states[n.role]],
    [z.fieldPhase, n.phase ? z.phases[n.phase] : t.none],
    [z.fieldAcceptedEpoch, String(n.acceptedEpoch)],
    [z.fieldCurrentEpoch, String(n.currentEpoch)],
    [z.fieldLastZxid, zxidHex(n.lastZxid)],
    [z.fieldCommitted, zxidHex(n.committedZxid)],
    [z.fieldRound, String(n.round)],
    [z.fieldVote, z.voteValue(nodeRef(n.vote.leader), zxidHex(n.vote.zxid), String(n.vote.epoch))],
    [z.fieldLeader, n.leader ? nodeRef(n.leader) : t.none],
  ];
  if (n.waitingFor) rows.push([z.fieldWaiting, z.waiting[n.waitingFor]]);
  if (n.learners.length) {
    rows.push([
      z.fieldLearners,
      n.learners.map((l) => z.learnerValue(nodeRef(l.sid), z.learnerStage[l.stage], l.sync ? l.sync.toUpperCase() : '', zxidHex(l.ackedZxid))).join('; '),
    ]);
  }
  return <NodeFieldList nodeId={n.id} rows={rows} note={z.timingNote} glyphs={ZAB_GLYPH_TABLE} />;
}
