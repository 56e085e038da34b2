/**
 * The zxid ledger: each server's history as zxids, one column per zxid any server holds
 * (so the same transaction lines up across servers and a dead epoch's proposal stands
 * alone in its column), grouped in epoch bands coloured by the shared palette. Committed
 * entries are filled, proposed ones hollow and dashed, and each says which in words (its
 * title and hidden text): never colour alone. Entries the latest TRUNC or SNAP removed stay
 * in their columns struck out ("removed"), fading by virtual time over LEAVE_MS (so a step
 * back shows them again, and reduced motion changes nothing), so the reader sees them leave.
 *
 * Each entry carries data-entry="NODE:INDEX" (its 1-based position in that server's
 * history) and data-zxid="0x…" (the page's contract).
 */
import type { CSSProperties } from 'react';
import type { LedgerEntry, Txn, ZabNodeView } from '../../core/zab/types';
import { counterOf, epochOf, zxidHex, zxidPair } from '../../core/zab/types';
import { nodeRef, type Lang } from '../i18n';
import { termColor, termTextColor } from '../palette';
import { zabDict } from './i18n';

/** How long (virtual ms) entries removed by TRUNC or SNAP stay in view, fading, after they left. */
export const LEAVE_MS = 2000;

/** The entries a server's latest TRUNC or SNAP removed that are still leaving at virtual time `time`. */
export function leaving(n: Pick<ZabNodeView, 'truncated' | 'truncatedAt'>, time: number): readonly Txn[] {
  return n.truncated.length > 0 && time >= n.truncatedAt && time - n.truncatedAt <= LEAVE_MS ? n.truncated : [];
}

/** Opacity of a leaving entry: from full when it left down to a trace at the end of LEAVE_MS. */
export function leavingOpacity(truncatedAt: number, time: number): number {
  return 1 - 0.7 * Math.min(1, Math.max(0, (time - truncatedAt) / LEAVE_MS));
}

export interface LedgerColumn {
  zxid: number;
  epoch: number;
  counter: number;
}

/** Every zxid any server holds or is just removing at `time`, ascending: the ledger's columns. */
export function ledgerColumns(nodes: readonly Pick<ZabNodeView, 'history' | 'truncated' | 'truncatedAt'>[], time: number): LedgerColumn[] {
  const set = new Set<number>();
  for (const n of nodes) {
    for (const e of n.history) set.add(e.zxid);
    for (const e of leaving(n, time)) set.add(e.zxid);
  }
  return [...set].sort((a, b) => a - b).map((zxid) => ({ zxid, epoch: epochOf(zxid), counter: counterOf(zxid) }));
}

/** Runs of columns of one epoch: the bands of the header. */
export function epochBands(cols: readonly LedgerColumn[]): { epoch: number; span: number }[] {
  const out: { epoch: number; span: number }[] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && last.epoch === c.epoch) last.span++;
    else out.push({ epoch: c.epoch, span: 1 });
  }
  return out;
}

type Cell = { kind: 'held'; entry: LedgerEntry; index: number } | { kind: 'removed'; txn: Txn } | null;

function rowCells(n: ZabNodeView, cols: readonly LedgerColumn[], time: number): Cell[] {
  const held = new Map<number, { entry: LedgerEntry; index: number }>();
  n.history.forEach((entry, i) => held.set(entry.zxid, { entry, index: n.historyOffset + i + 1 }));
  const removed = new Map<number, Txn>();
  for (const t of leaving(n, time)) removed.set(t.zxid, t);
  return cols.map((c) => {
    const h = held.get(c.zxid);
    if (h) return { kind: 'held', ...h };
    const r = removed.get(c.zxid);
    return r ? { kind: 'removed', txn: r } : null;
  });
}

export interface LedgerProps {
  nodes: readonly ZabNodeView[];
  /** Virtual time of the frame shown (removed entries fade out over LEAVE_MS). */
  time: number;
  lang: Lang;
  selected?: number | null;
  onSelect?: (id: number) => void;
}

export function ZxidLedger({ nodes, time, lang, selected = null, onSelect }: LedgerProps) {
  const z = zabDict(lang);
  const cols = ledgerColumns(nodes, time);
  const bands = epochBands(cols);
  // The leader's sync choice for each follower (LearnerHandler), shown beside its row.
  const leader = nodes.find((n) => n.role === 'leading');
  const syncOf = new Map((leader?.learners ?? []).map((l) => [l.sid, l.sync]));
  return (
    <table className="zxid-ledger" data-testid="zxid-ledger">
      <caption className="zab-caption">
        <span className="zab-title">{z.ledgerTitle}</span> <span className="sr-only">{z.ledgerCaption}</span>
      </caption>
      <thead>
        <tr>
          <td className="ledger-rowhead ledger-sticky" />
          {bands.map((b, i) => (
            <th
              key={`${b.epoch}-${i}`}
              scope="colgroup"
              colSpan={b.span}
              className="ledger-band"
              data-epoch={b.epoch}
              style={{ background: termColor(b.epoch), color: termTextColor(b.epoch) }}
            >
              {z.ledgerEpoch(String(b.epoch))}
            </th>
          ))}
          {cols.length === 0 && <th scope="col" className="ledger-empty">{z.ledgerEmpty}</th>}
          <th scope="col" className="ledger-sync" rowSpan={2}>
            {leader ? z.ledgerSyncs : ''}
          </th>
        </tr>
        <tr>
          <td className="ledger-rowhead ledger-sticky" />
          {cols.map((c) => (
            <th key={c.zxid} scope="col" className="ledger-counter" title={zxidHex(c.zxid)}>
              {c.counter}
            </th>
          ))}
          {cols.length === 0 && <td />}
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => {
          const down = n.role === 'down';
          const cells = rowCells(n, cols, time);
          const sync = syncOf.get(n.id);
          return (
            <tr key={n.id} className={`${down ? 'down' : ''} ${selected === n.id ? 'selected' : ''}`} data-node-row={n.id}>
              <th scope="row" className="ledger-rowhead ledger-sticky">
                {onSelect ? (
                  <button type="button" className="linklike log-node" aria-pressed={selected === n.id} onClick={() => onSelect(n.id)}>
                    {nodeRef(n.id)}
                    <span aria-hidden="true">{n.role === 'leading' ? ' ★' : down ? ' ✕' : ''}</span>
                  </button>
                ) : (
                  nodeRef(n.id)
                )}
              </th>
              {cells.map((cell, i) => {
                const col = cols[i];
                if (!cell) return <td key={col.zxid} className="ledger-cell empty" />;
                const style = { background: termColor(col.epoch), color: termTextColor(col.epoch), '--cell-term': termColor(col.epoch) } as CSSProperties;
                if (cell.kind === 'removed') {
                  return (
                    <td
                      key={col.zxid}
                      className="ledger-cell removed"
                      data-removed={`${n.id}:${zxidHex(col.zxid)}`}
                      data-zxid={zxidHex(col.zxid)}
                      data-truncated-at={n.truncatedAt}
                      title={z.ledgerEntryTitle(zxidHex(col.zxid), zxidPair(col.zxid), cell.txn.value, z.ledgerTruncated)}
                      style={{ ...style, opacity: leavingOpacity(n.truncatedAt, time) }}
                    >
                      <s>{col.counter}</s>
                      <span className="sr-only"> {z.ledgerTruncated}</span>
                    </td>
                  );
                }
                const state = cell.entry.committed ? z.ledgerCommitted : z.ledgerProposed;
                return (
                  <td
                    key={col.zxid}
                    className={`ledger-cell ${cell.entry.committed ? 'committed' : 'proposed'}`}
                    data-entry={`${n.id}:${cell.index}`}
                    data-zxid={zxidHex(col.zxid)}
                    data-committed={String(cell.entry.committed)}
                    title={z.ledgerEntryTitle(zxidHex(col.zxid), zxidPair(col.zxid), cell.entry.value, state)}
                    style={style}
                  >
                    {col.counter}
                    <span className="sr-only"> {state}</span>
                  </td>
                );
              })}
              {cols.length === 0 && <td className="ledger-cell empty" />}
              <td className="ledger-sync">{sync ? sync.toUpperCase() : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
