/**
 * One line under the cluster, always up: a stopped run's violation; at a lesson stop that
 * stop's sentence; at frame 0 the lesson's premise; while playing the last decision worth
 * reading (the store's lastDecision, so heartbeats never push it away); while paused or
 * stepping the current frame's event and its reason. `data-source` says which, for tests.
 */
import { useApp, useT } from '../StoreContext';
import type { ProtocolView } from '../views/types';
import { fmtInt, fmtTime } from '../i18n';
import { isLesson, lessonText } from '../lessons';

export function Caption({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const view = useApp((s) => s.view);
  const event = view?.event ?? null;
  const frame = useApp((s) => s.view?.frame ?? 0);
  const playing = useApp((s) => s.playing);
  const lesson = useApp((s) => s.lesson);
  const violation = useApp((s) => s.view?.violation ?? null);
  const halted = useApp((s) => s.view?.halted ?? null);
  const seed = useApp((s) => s.scenario?.seed ?? null);
  const untilReached = useApp((s) => s.untilReached);
  const head = useApp((s) => s.head);
  const until = useApp((s) => s.scenario?.until ?? null);
  const lastDecision = useApp((s) => s.lastDecision);
  const currentStop = useApp((s) => s.currentStop);
  if (violation) {
    // Narrated from the checker's data (why), so it reads in the chosen language.
    const { invariant, reason } = pv.narrateViolation(violation, lang);
    const where = t.violationWhere(fmtInt(violation.frame, lang), fmtTime(violation.time, lang), String(seed ?? ''));
    return (
      <div className="caption violation" role="status" data-testid="caption" data-source="violation">
        <strong>⚠ {t.runStopped}</strong>
        {t.violationText(invariant, reason, where)}
      </div>
    );
  }
  if (halted) {
    return (
      <div className="caption violation" role="status" data-testid="caption" data-source="halted">
        <strong>⚠</strong> {t.runHalted(fmtInt(halted.limit, lang))}
      </div>
    );
  }
  const stopText = currentStop !== null && isLesson(lesson) ? lessonText(lesson, lang).stops[currentStop] : undefined;
  if (stopText) {
    return (
      <div className="caption stop" data-testid="caption" data-source="stop" title={stopText}>
        <span className="caption-head" aria-hidden="true">
          ◆
        </span>
        {stopText}
      </div>
    );
  }
  const blurb = isLesson(lesson) ? lessonText(lesson, lang).blurb : null;
  if (frame === 0 && blurb) {
    return (
      <div className="caption" data-testid="caption" data-source="blurb" title={blurb}>
        {blurb}
      </div>
    );
  }
  if (untilReached && frame === head && until !== null) {
    return (
      <div className="caption" data-testid="caption" data-source="until">
        {t.untilReached(fmtTime(until, lang))}
      </div>
    );
  }
  // Playing: the newest decision at or before the frame; paused: exactly what this frame did.
  const shown = playing ? (lastDecision ?? (event?.notable ? event : null)) : event;
  if (!shown) {
    // Nothing decided yet while playing (or no event at all): keep the lesson's premise up.
    return blurb ? (
      <div className="caption" data-testid="caption" data-source="blurb" title={blurb}>
        {blurb}
      </div>
    ) : null;
  }
  const { headline, details } = pv.narrateParts(shown, lang, view);
  return (
    <div className="caption" data-testid="caption" data-source={playing ? 'decision' : 'event'} data-frame={shown.frame} title={[headline, ...details].join('\n')}>
      <span className="caption-head">{headline}</span>
      {details.length > 0 && <span className="caption-detail">{details.join(lang === 'zh' ? '；' : '; ')}</span>}
    </div>
  );
}
