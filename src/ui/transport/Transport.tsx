/**
 * The transport: first / previous mark / step back / play-pause / step forward / next mark /
 * last, speed, the timeline, the frame counter (data-testid="frame") and virtual time. In an
 * embed it is one line.
 *
 * Buttons that cannot act right now are aria-disabled rather than disabled: a disabled
 * button drops keyboard focus to <body> (First frame, clicked, would strand the presenter's
 * focus at frame 0), an aria-disabled one keeps it and still says it cannot act.
 */
import { memo, type ReactNode } from 'react';
import { useApp, useT } from '../StoreContext';
import { fmtInt, fmtSpeed, fmtTime } from '../i18n';
import { SPEEDS, type Speed } from '../../store/types';
import { drawTime } from '../stage/useFrameClock';
import { Timeline } from './Timeline';
import { fillTemplate } from './fill';
import { IconBack, IconFirst, IconForward, IconLast, IconNextDecision, IconNextMark, IconPause, IconPlay, IconPrevMark, IconSkipQuiet } from '../shell/icons';
import './transport.css';

function TpButton({
  label,
  keyHint,
  off,
  onPress,
  className,
  children,
}: {
  label: string;
  keyHint?: string;
  off: boolean;
  onPress: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`tp-btn ${className ?? ''}`}
      aria-label={label}
      title={keyHint ? `${label} (${keyHint})` : label}
      aria-disabled={off || undefined}
      onClick={() => {
        if (!off) onPress();
      }}
    >
      {children}
    </button>
  );
}

/**
 * The playhead's time, "t = 1.234 s": the one part of the transport that changes at every
 * animation frame (the frame clock), so the only one re-rendered then — not the buttons, the
 * speed menu and the timeline with them.
 */
function TimeReadout() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const time = useApp(drawTime);
  return (
    <span className="tp-time">
      {t.timeLabel} = {fmtTime(time, lang)}
    </span>
  );
}

/** The timeline re-renders for its own reasons (marks, the run's length), not the transport's. */
const TimelineOnce = memo(Timeline);

const SIZER_FRAME = '888,888';
const SIZER_TIME_MS = 888_888;

export function Transport() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const playing = useApp((s) => s.playing);
  const ready = useApp((s) => s.view !== null);
  const frame = useApp((s) => s.view?.frame ?? 0);
  const head = useApp((s) => s.head);
  const speed = useApp((s) => s.speed);
  const violation = useApp((s) => !!s.view?.violation);
  const togglePlay = useApp((s) => s.togglePlay);
  const stepForward = useApp((s) => s.stepForward);
  const stepBack = useApp((s) => s.stepBack);
  const nextMark = useApp((s) => s.nextMark);
  const prevMark = useApp((s) => s.prevMark);
  const nextDecision = useApp((s) => s.nextDecision);
  const skipQuiet = useApp((s) => s.skipQuiet);
  const setSkipQuiet = useApp((s) => s.setSkipQuiet);
  const first = useApp((s) => s.first);
  const last = useApp((s) => s.last);
  const setSpeed = useApp((s) => s.setSpeed);
  const embed = useApp((s) => s.embed);
  // A speed from the URL that is not a preset still shows as itself.
  const speeds = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS.filter((x) => x !== 'max'), speed, 'max' as const].sort((a, b) => (a === 'max' ? 1 : b === 'max' ? -1 : a - b));
  const atEnd = violation && frame >= head;
  const readout = embed ? t.chromeFrameReadoutShort : t.chromeFrameReadout;

  return (
    <footer className="transport" aria-label={t.transport}>
      <div className="tp-buttons">
        <TpButton label={t.firstFrame} keyHint="Home" off={!ready || frame === 0} onPress={() => void first()}>
          <IconFirst />
        </TpButton>
        <TpButton label={t.chromePrevMark} keyHint="PageUp" off={!ready || frame === 0} onPress={() => void prevMark()}>
          <IconPrevMark />
        </TpButton>
        <TpButton label={t.stepBack} keyHint="←" off={!ready || frame === 0} onPress={() => void stepBack()}>
          <IconBack />
        </TpButton>
        <TpButton className="tp-play" label={playing ? t.pause : t.play} keyHint="Space" off={!ready || (violation && !playing)} onPress={togglePlay}>
          {playing ? <IconPause /> : <IconPlay />}
        </TpButton>
        <TpButton label={t.stepForward} keyHint="→" off={!ready || atEnd} onPress={() => void stepForward()}>
          <IconForward />
        </TpButton>
        <TpButton label={t.chromeNextMark} keyHint="PageDown" off={!ready || atEnd} onPress={() => void nextMark()}>
          <IconNextMark />
        </TpButton>
        <TpButton label={t.lastFrame} keyHint="End" off={!ready || frame >= head} onPress={() => void last()}>
          <IconLast />
        </TpButton>
        {/* Slow protocols: over routine traffic to the next decision; fast-forward through quiet stretches.
            Not in an embed's one-line transport (its key, N, still works there). */}
        {!embed && (
          <>
            <TpButton className="tp-decision" label={t.quietNextDecision} keyHint="N" off={!ready || atEnd} onPress={() => void nextDecision()}>
              <IconNextDecision />
            </TpButton>
            <button
              type="button"
              className="tp-btn tp-skip"
              aria-label={t.quietSkip}
              aria-pressed={skipQuiet}
              title={t.quietSkipHelp}
              onClick={() => setSkipQuiet(!skipQuiet)}
            >
              <IconSkipQuiet />
            </button>
          </>
        )}
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
      <TimelineOnce />
      <div className="tp-readout" aria-live="off">
        <span className="tp-frame">
          {fillTemplate(readout, {
            frame: (
              <span className="tp-num" data-testid="frame">
                {fmtInt(frame, lang)}
              </span>
            ),
            head: <span className="tp-head">{fmtInt(head, lang)}</span>,
          })}
        </span>
        <TimeReadout />
        {/* Invisible, as wide as the readout gets up to 999,999 frames and 999 s: the
            readout keeps that width, so the timeline beside it never changes length. */}
        <span className="tp-sizer" aria-hidden="true">
          {fillTemplate(readout, { frame: SIZER_FRAME, head: SIZER_FRAME })}
        </span>
        <span className="tp-sizer" aria-hidden="true">
          {t.timeLabel} = {fmtTime(SIZER_TIME_MS, lang)}
        </span>
      </div>
    </footer>
  );
}
