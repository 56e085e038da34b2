/**
 * A sign on the stage while playback is paused, so a room sees that the cluster is
 * stopped (the Play button's icon alone is too small to notice from the back).
 */
import { useApp, useT } from '../StoreContext';

export function PausedSign() {
  const t = useT();
  const playing = useApp((s) => s.playing);
  const ready = useApp((s) => s.view !== null);
  if (playing || !ready) return null;
  return (
    <div className="stage-paused" data-testid="paused">
      <span aria-hidden="true" className="stage-paused-icon">
        ❚❚
      </span>
      {t.stagePaused}
    </div>
  );
}
