/**
 * One line under the cluster explaining the current frame while paused or stepping (the
 * decision and its reason), the lesson's premise at frame 0, and a stopped run's violation.
 */
import { useApp, useT } from '../StoreContext';
import type { ProtocolView } from '../views/types';
import { fmtInt, fmtTime } from '../i18n';

export function Caption({ pv }: { pv: ProtocolView }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const event = useApp((s) => s.view?.event ?? null);
  const frame = useApp((s) => s.view?.frame ?? 0);
  const playing = useApp((s) => s.playing);
  const lesson = useApp((s) => s.lesson);
  const violation = useApp((s) => s.view?.violation ?? null);
  const halted = useApp((s) => s.view?.halted ?? null);
  const seed = useApp((s) => s.scenario?.seed ?? null);
  const untilReached = useApp((s) => s.untilReached);
  const head = useApp((s) => s.head);
  const until = useApp((s) => s.scenario?.until ?? null);
  if (violation) {
    // Narrated from the checker's data (why), so it reads in the chosen language.
    const { invariant, reason } = pv.narrateViolation(violation, lang);
    const where = t.violationWhere(fmtInt(violation.frame, lang), fmtTime(violation.time, lang), String(seed ?? ''));
    return (
      <div className="caption violation" role="status">
        <strong>⚠ {t.runStopped}</strong>
        {t.violationText(invariant, reason, where)}
      </div>
    );
  }
  if (halted) {
    return (
      <div className="caption violation" role="status">
        <strong>⚠</strong> {t.runHalted(fmtInt(halted.limit, lang))}
      </div>
    );
  }
  if (frame === 0 && lesson && t.lessons[lesson as keyof typeof t.lessons]) {
    const blurb = t.lessons[lesson as keyof typeof t.lessons].blurb;
    return (
      <div className="caption" title={blurb}>
        {blurb}
      </div>
    );
  }
  if (playing) return null;
  if (untilReached && frame === head && until !== null) {
    return <div className="caption">{t.untilReached(fmtTime(until, lang))}</div>;
  }
  if (!event) return null;
  const { headline, details } = pv.narrateParts(event, lang);
  return (
    <div className="caption" title={[headline, ...details].join('\n')}>
      <span className="caption-head">{headline}</span>
      {details.length > 0 && <span className="caption-detail">{details.join(lang === 'zh' ? '；' : '; ')}</span>}
    </div>
  );
}
