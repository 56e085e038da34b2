/**
 * Forks that lose nothing: after an action on a past frame, a polite status line says
 * that history forked and what was set aside, with Undo (Ctrl+Z is bound to the same
 * store action). The timelines set aside stay reachable as branches (Runway and Oddity
 * keep such branches): one button each switches to it, the one on screen becoming a
 * branch in turn. The live region is always in the page so screen readers hear it fill.
 */
import { useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { fmtInt } from '../i18n';
import './ForkNotice.css';

/** At most this many branch buttons (the newest); an embed shows none. */
const MAX_BRANCH_BUTTONS = 3;

export function ForkNotice() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const notice = useApp((s) => s.forkNotice);
  const canUndo = useApp((s) => s.canUndo);
  const embed = useApp((s) => s.embed);
  const undo = useApp((s) => s.undo);
  const switchBranch = useApp((s) => s.switchBranch);
  const dismiss = useApp((s) => s.dismissForkNotice);
  // The store replaces the array when it changes, so selecting it as is re-renders only then.
  const all = useApp((s) => s.branches);
  const branches = all.slice(-MAX_BRANCH_BUTTONS).map((b) => ({ id: b.id, frame: b.forkFrame, actions: b.scenario.script.length }));
  // Hiding the branches line lasts until the set of branches changes.
  const [hiddenFor, setHiddenFor] = useState<string | null>(null);
  const key = branches.map((b) => b.id).join(',');
  const showBranches = !embed && branches.length > 0 && hiddenFor !== key;
  const visible = notice !== null || showBranches;

  return (
    <div className={`fork-notice${visible ? '' : ' empty'}`} role="status" aria-live="polite">
      {visible && (
        <>
          {notice && <span className="fork-text">{t.forkNoticeText(fmtInt(notice.frame, lang), notice.droppedActions)}</span>}
          {notice && canUndo && (
            <button type="button" className="btn tiny fork-undo" onClick={() => void undo()}>
              {t.forkUndo}
            </button>
          )}
          {showBranches && (
            <span className="fork-branches" role="group" aria-label={t.forkTimelinesLabel}>
              <span className="fork-branches-label" aria-hidden="true">
                {t.forkTimelinesLabel}:
              </span>
              {branches.map((b) => (
                <button key={b.id} type="button" className="btn tiny" onClick={() => void switchBranch(b.id)}>
                  {t.forkBranchButton(fmtInt(b.frame, lang), b.actions)}
                </button>
              ))}
            </span>
          )}
          <button
            type="button"
            className="btn tiny fork-hide"
            onClick={() => {
              dismiss();
              setHiddenFor(key);
            }}
          >
            {t.forkHide}
          </button>
        </>
      )}
    </div>
  );
}
