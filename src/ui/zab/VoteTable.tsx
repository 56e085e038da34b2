/**
 * The election as Fast Leader Election sees it: per server its state (LOOKING / FOLLOWING /
 * LEADING), its round (logicalclock), its current vote (the proposed sid, that server's zxid
 * as epoch:counter, its epoch) and the votes it has received this round (recvset; ✓ marks the
 * ones equal to its own, the tally counts them against the quorum). When a notification
 * arrives at the current frame, the table says what it decided, from the frame's notes
 * ("0x200000003 > 0x200000001 → adopt n2"), on a line of its own under that server's row
 * (a column for it would stand empty on every other row and push the table off a slide).
 *
 * A real table with row and column headers, so a screen reader can walk it.
 */
import { Fragment } from 'react';
import type { EventRow } from '../../sim/api';
import type { ReceivedVote, Vote, ZabNodeView } from '../../core/zab/types';
import { zxidHex, zxidPair } from '../../core/zab/types';
import { nodeRef, type Lang } from '../i18n';
import { comparison } from './narrate';
import { zabDict } from './i18n';

const sameVote = (a: Pick<Vote, 'leader' | 'zxid' | 'epoch'>, b: Pick<Vote, 'leader' | 'zxid' | 'epoch'>) =>
  a.leader === b.leader && a.zxid === b.zxid && a.epoch === b.epoch;

/** The comparisons the frame's event decided, by the server that decided them. */
export function decisionsOf(event: EventRow | null, lang: Lang): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const note of event?.notes ?? []) {
    const text = comparison(note, lang);
    if (text === null) continue;
    const list = out.get(note.node) ?? [];
    list.push(text);
    out.set(note.node, list);
  }
  return out;
}

/** How many servers' votes (its own included, as FLE's recvset holds it) equal a server's vote this round. */
export function agreeing(n: ZabNodeView): number {
  let count = n.received.some((r) => r.sid === n.id) ? 0 : 1;
  for (const r of n.received) if (sameVote(r, n.vote)) count++;
  return count;
}

/** Columns of a server's row: server, state, round, the vote's three, the votes received. */
const COLUMNS = 7;

export interface VoteTableProps {
  nodes: readonly ZabNodeView[];
  event: EventRow | null;
  lang: Lang;
  selected?: number | null;
  onSelect?: (id: number) => void;
  /**
   * An 800×450 embed: no state column (each server's state is drawn under it on the stage
   * beside the table, and is in its accessible name) and a short tally, so five servers'
   * rows fit the box.
   */
  compact?: boolean;
}

function ReceivedChip({ r, ours, lang, arrived }: { r: ReceivedVote; ours: Vote; lang: Lang; arrived: boolean }) {
  const z = zabDict(lang);
  const same = sameVote(r, ours);
  return (
    <li
      className={`vote-chip ${same ? 'same' : ''} ${arrived ? 'arrived' : ''}`}
      data-from={r.sid}
      data-leader={r.leader}
      title={z.receivedTitle(nodeRef(r.sid), nodeRef(r.leader), zxidHex(r.zxid), String(r.epoch), String(r.round), z.states[r.state])}
    >
      {same && <span aria-label={z.sameAsOurs}>✓ </span>}
      {z.receivedVote(nodeRef(r.sid), nodeRef(r.leader))}
    </li>
  );
}

export function VoteTable({ nodes, event, lang, selected = null, onSelect, compact = false }: VoteTableProps) {
  const z = zabDict(lang);
  const decisions = decisionsOf(event, lang);
  const quorum = Math.floor(nodes.length / 2) + 1;
  const acting = event?.node ?? 0;
  const sender = event?.peer ?? 0;
  return (
    <table className={`vote-table ${compact ? 'compact' : ''}`} data-testid="vote-table">
      <caption className="zab-caption">
        <span className="zab-title">{z.voteTitle}</span> <span className="sr-only">{z.voteCaption}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {z.colServer}
          </th>
          {!compact && (
            <th scope="col" rowSpan={2}>
              {z.colState}
            </th>
          )}
          <th scope="col" rowSpan={2}>
            {z.colRound}
          </th>
          <th scope="colgroup" colSpan={3} className="vote-group">
            {z.colVote}
          </th>
          <th scope="col" rowSpan={2} className="vote-received-head">
            {z.colReceived}
          </th>
        </tr>
        <tr>
          <th scope="col">{z.colVoteSid}</th>
          <th scope="col">{z.colVoteZxid}</th>
          <th scope="col">{z.colVoteEpoch}</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => {
          const down = n.role === 'down';
          const looking = n.role === 'looking';
          const said = decisions.get(n.id) ?? [];
          const received = looking ? n.received : n.outOfElection;
          const row = (
            <tr
              key={n.id}
              data-node-row={n.id}
              data-state={n.role}
              data-round={n.round}
              data-vote={n.vote.leader}
              className={`${down ? 'down' : ''} ${acting === n.id ? 'acting' : ''} ${selected === n.id ? 'selected' : ''}`}
            >
              <th scope="row" className="vote-server">
                {onSelect ? (
                  <button type="button" className="linklike" aria-pressed={selected === n.id} onClick={() => onSelect(n.id)}>
                    {nodeRef(n.id)}
                    <span aria-hidden="true">{n.role === 'leading' ? ' ★' : down ? ' ✕' : ''}</span>
                  </button>
                ) : (
                  nodeRef(n.id)
                )}
              </th>
              {!compact && <td className={`vote-state state-${n.role}`}>{z.states[n.role]}</td>}
              <td className="num">{n.round}</td>
              <td className="vote-for">{nodeRef(n.vote.leader)}</td>
              <td className="num" title={zxidHex(n.vote.zxid)} data-zxid={zxidHex(n.vote.zxid)}>
                {zxidPair(n.vote.zxid)}
              </td>
              <td className="num">{n.vote.epoch}</td>
              <td className="vote-received">
                {received.length > 0 ? (
                  <>
                    {!looking && <span className="sr-only">{z.outOfElection}: </span>}
                    <ul className="vote-chips">
                      {received.map((r) => (
                        <ReceivedChip key={r.sid} r={r} ours={n.vote} lang={lang} arrived={acting === n.id && sender === r.sid} />
                      ))}
                    </ul>
                    {looking &&
                      (compact ? (
                        <span className="vote-tally short" title={z.tally(String(agreeing(n)), String(quorum))}>
                          {z.tallyShort(String(agreeing(n)), String(quorum))}
                        </span>
                      ) : (
                        <span className="vote-tally">{z.tally(String(agreeing(n)), String(quorum))}</span>
                      ))}
                  </>
                ) : (
                  z.noVotes
                )}
              </td>
            </tr>
          );
          if (said.length === 0) return row;
          // What the notification that just arrived decided, on a line of its own under the server's row.
          return (
            <Fragment key={n.id}>
              {row}
              <tr className="vote-decision-row" data-decision-of={n.id}>
                <th scope="row" className="vote-decision-head">
                  <span aria-hidden="true">↳</span>
                  <span className="sr-only">{z.decidedBy(nodeRef(n.id))}</span>
                </th>
                <td colSpan={COLUMNS - (compact ? 2 : 1)} className="vote-decision" data-testid="vote-decision">
                  {said.join(' · ')}
                </td>
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
