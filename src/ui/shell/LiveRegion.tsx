/** A polite live region: leader changes and confirmations, in the current language. */
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';

export function LiveRegion() {
  const t = useT();
  const announcement = useApp((s) => s.announcement);
  const toast = useApp((s) => s.toast);
  const leaderText = announcement
    ? announcement.leader
      ? t.leaderAnnounce(nodeRef(announcement.leader), String(announcement.term))
      : t.noLeaderAnnounce
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
