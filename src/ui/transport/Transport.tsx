/**
 * The transport: first / step back / play-pause / step forward / last, speed, the
 * timeline, the frame counter (data-testid="frame") and virtual time. In an embed it is
 * one line.
 */
import { useApp, useT } from '../StoreContext';
import { fmtInt, fmtSpeed, fmtTime } from '../i18n';
import { SPEEDS, type Speed } from '../../store/types';
import { drawTime } from '../stage/useFrameClock';
import { Timeline } from './Timeline';
import { IconBack, IconFirst, IconForward, IconLast, IconPause, IconPlay } from '../shell/icons';

export function Transport() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const playing = useApp((s) => s.playing);
  const ready = useApp((s) => s.view !== null);
  const frame = useApp((s) => s.view?.frame ?? 0);
  const head = useApp((s) => s.head);
  const time = useApp(drawTime);
  const speed = useApp((s) => s.speed);
  const violation = useApp((s) => !!s.view?.violation);
  const togglePlay = useApp((s) => s.togglePlay);
  const stepForward = useApp((s) => s.stepForward);
  const stepBack = useApp((s) => s.stepBack);
  const first = useApp((s) => s.first);
  const last = useApp((s) => s.last);
  const setSpeed = useApp((s) => s.setSpeed);
  // A speed from the URL that is not a preset still shows as itself.
  const speeds = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS.filter((x) => x !== 'max'), speed, 'max' as const].sort((a, b) => (a === 'max' ? 1 : b === 'max' ? -1 : a - b));

  return (
    <footer className="transport" aria-label={t.transport}>
      <div className="tp-buttons">
        <button type="button" className="tp-btn" aria-label={t.firstFrame} title={t.firstFrame} disabled={!ready || frame === 0} onClick={() => void first()}>
          <IconFirst />
        </button>
        <button type="button" className="tp-btn" aria-label={t.stepBack} title={`${t.stepBack} (←)`} disabled={!ready || frame === 0} onClick={() => void stepBack()}>
          <IconBack />
        </button>
        <button
          type="button"
          className="tp-btn tp-play"
          aria-label={playing ? t.pause : t.play}
          title={`${playing ? t.pause : t.play} (Space)`}
          disabled={!ready || (violation && !playing)}
          onClick={togglePlay}
        >
          {playing ? <IconPause /> : <IconPlay />}
        </button>
        <button type="button" className="tp-btn" aria-label={t.stepForward} title={`${t.stepForward} (→)`} disabled={!ready || (violation && frame >= head)} onClick={() => void stepForward()}>
          <IconForward />
        </button>
        <button type="button" className="tp-btn" aria-label={t.lastFrame} title={t.lastFrame} disabled={!ready || frame >= head} onClick={() => void last()}>
          <IconLast />
        </button>
      </div>
      <label className="tp-speed">
        <span className="tp-speed-label">{t.speed}</span>
        <select
          aria-label={t.speed}
          value={String(speed)}
          onChange={(e) => setSpeed((e.target.value === 'max' ? 'max' : Number(e.target.value)) as Speed)}
        >
          {speeds.map((s) => (
            <option key={String(s)} value={String(s)}>
              {fmtSpeed(s, t.speedMax)}
            </option>
          ))}
        </select>
      </label>
      <Timeline />
      <div className="tp-readout" aria-live="off">
        <span className="tp-frame">
          {t.frameLabel} <span data-testid="frame">{frame}</span>
          <span className="tp-head"> / {fmtInt(head, lang)}</span>
        </span>
        <span className="tp-time">
          {t.timeLabel} = {fmtTime(time, lang)}
        </span>
      </div>
    </footer>
  );
}
