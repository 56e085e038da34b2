/**
 * The menu of one link: cut or mend each direction. Mend disables itself once the link is
 * whole, so it hands focus to the first cut button (the popover keeps focus inside).
 */
import { useRef } from 'react';
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { Popover } from '../shell/Popover';
import type { LinkState } from './Links';

export function LinkMenu({ link, onClose }: { link: LinkState; onClose: () => void }) {
  const t = useT();
  const cut = useApp((s) => s.cut);
  const mend = useApp((s) => s.mend);
  const { a, b } = link;
  const firstCut = useRef<HTMLButtonElement>(null);
  const toggle = (from: number, to: number, isCut: boolean) => () => {
    void (isCut ? mend(from, to) : cut(from, to));
  };
  return (
    <Popover label={t.linkName(nodeRef(a), nodeRef(b), '')} onClose={onClose} className="link-menu">
      <h2 className="popover-title">
        {nodeRef(a)} ⇄ {nodeRef(b)}
      </h2>
      <div className="btn-col">
        <button ref={firstCut} type="button" className="btn small" aria-pressed={link.cutAB} onClick={toggle(a, b, link.cutAB)}>
          <span aria-hidden="true">✂</span> {t.cutDir(nodeRef(a), nodeRef(b))}
        </button>
        <button type="button" className="btn small" aria-pressed={link.cutBA} onClick={toggle(b, a, link.cutBA)}>
          <span aria-hidden="true">✂</span> {t.cutDir(nodeRef(b), nodeRef(a))}
        </button>
        <button
          type="button"
          className="btn small"
          disabled={!link.cutAB && !link.cutBA}
          onClick={() => {
            void (async () => {
              if (link.cutAB) await mend(a, b);
              if (link.cutBA) await mend(b, a);
              firstCut.current?.focus({ preventScroll: true });
            })();
          }}
        >
          {t.mendLink}
        </button>
        <button type="button" className="btn small ghost" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Popover>
  );
}
