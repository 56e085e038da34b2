/** A polite live region: leader changes and confirmations, in the current language. */
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { useProtocolView } from '../views/context';

export function LiveRegion() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const pv = useProtocolView();
  const announcement = useApp((s) => s.announcement);
  const toast = useApp((s) => s.toast);
  // In the protocol's words: "the leader of term 4", "leading epoch 2".
  const words = pv?.dict(lang);
  const leaderText =
    announcement && words
      ? announcement.leader
        ? words.leaderAnnounce(nodeRef(announcement.leader), String(announcement.era))
        : words.noLeaderAnnounce
      : '';
  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announce">
        {leaderText}
      </div>
      {toast && (
        <div key={toast.seq} className="toast" role="status" aria-live="polite">
          {t[toast.key]}
        </div>
      )}
    </>
  );
}
