/**
 * What Share copied: the link itself (selectable, for when the clipboard is refused), a
 * Copy button, and a warning when the link is long enough for chat apps and mail to cut.
 */
import { useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { fmtInt } from '../i18n';
import { LONG_LINK_CHARS } from '../url';
import { Popover } from './Popover';
import './share.css';

export function SharePopover({ link, copied, onClose }: { link: string; copied: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [copiedAgain, setCopiedAgain] = useState(false);
  const long = link.length > LONG_LINK_CHARS;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopiedAgain(true);
    } catch {
      setCopiedAgain(false);
    }
  };
  return (
    <Popover label={t.shareDialog} onClose={onClose} className="share-popover">
      <p className="share-status" role="status">
        {copied || copiedAgain ? t.shareCopied : t.shareFailed}
      </p>
      <div className="share-row">
        <input
          className="share-link"
          data-testid="share-link"
          readOnly
          aria-label={t.shareLinkLabel}
          value={link}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="btn small" onClick={() => void copy()}>
          {t.shareCopy}
        </button>
      </div>
      {long && (
        <p className="share-long" data-testid="share-long">
          <span aria-hidden="true">⚠ </span>
          {t.shareLong(fmtInt(link.length, lang), fmtInt(LONG_LINK_CHARS, lang))}
        </p>
      )}
    </Popover>
  );
}
