/**
 * The ring's polite live region: the moment the router declares a node down (and a rejoin,
 * an addition, a removal) is announced once, when the ring version it made is first shown
 * going forwards; stepping back through it says nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { ChangeAction } from '../../../core/hashring/types';
import { nodeRef } from '../../i18n';
import { useApp } from '../../StoreContext';
import { ringDict, type RingDict } from '../i18n';

export function changeAnnouncement(action: number, node: number, r: RingDict): string {
  const n = nodeRef(node);
  switch (action) {
    case ChangeAction.Down:
      return r.announceDown(n);
    case ChangeAction.Rejoin:
      return r.announceRejoin(n);
    case ChangeAction.Add:
      return r.announceAdded(n);
    case ChangeAction.Remove:
      return r.announceRemoved(n);
    default:
      return '';
  }
}

export function RingAnnouncer({ hub }: { hub: { version: number; last: { action: number; node: number } | null } }) {
  const lang = useApp((s) => s.lang);
  const [text, setText] = useState('');
  const seen = useRef(hub.version);
  const last = hub.last;
  useEffect(() => {
    if (hub.version > seen.current && last) setText(changeAnnouncement(last.action, last.node, ringDict(lang)));
    seen.current = hub.version;
  }, [hub.version, last, lang]);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="ring-announce">
      {text}
    </div>
  );
}
