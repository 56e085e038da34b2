/**
 * ZAB's first side-panel tab (and, in an embed, the state view beside the stage): the vote
 * table above the zxid ledger. In an 800×450 embed only one fits legibly: the vote table
 * while the ensemble has no leader (an election is the story), the ledger otherwise — a
 * lone server rejoining a running ensemble is LOOKING too, but then its history (the
 * TRUNC, the DIFF it gets) is what the reader came for.
 */
import { useLayoutEffect, useRef } from 'react';
import type { ZabNodeView } from '../../core/zab/types';
import { useApp } from '../StoreContext';
import { VoteTable } from './VoteTable';
import { ZxidLedger } from './ZxidLedger';
import { zabDict } from './i18n';
import './zab.css';

export function ZabLog() {
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.view);
  const embed = useApp((s) => s.embed);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const scroller = useRef<HTMLDivElement>(null);
  /** Whether the reader was at the right end before this render (then the newest zxid stays in view). */
  const pinned = useRef(true);
  const nodes = (view?.nodes ?? []) as ZabNodeView[];
  const newest = Math.max(0, ...nodes.map((n) => n.lastZxid));

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollLeft = el.scrollWidth;
  }, [newest]);

  if (!view) return null;
  const z = zabDict(lang);
  const electing = nodes.some((n) => n.role === 'looking') && !nodes.some((n) => n.role === 'leading');
  const showVotes = !embed || electing;
  const showLedger = !embed || !electing;
  return (
    <div className="zab-log">
      {showVotes && (
        <div className="zab-scroll" tabIndex={0} role="group" aria-label={z.voteTitle}>
          <VoteTable nodes={nodes} event={view.event} lang={lang} selected={selected} onSelect={select} compact={embed} />
        </div>
      )}
      {showVotes && !embed && <p className="note">{z.voteOrder}</p>}
      {showLedger && (
        <div
          className="zab-scroll"
          ref={scroller}
          tabIndex={0}
          role="group"
          aria-label={z.ledgerTitle}
          onScroll={(e) => {
            const el = e.currentTarget;
            pinned.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 4;
          }}
        >
          <ZxidLedger nodes={nodes} time={view.time} lang={lang} selected={selected} onSelect={select} />
        </div>
      )}
      {showLedger && !embed && <p className="note">{z.ledgerCaption}</p>}
    </div>
  );
}
