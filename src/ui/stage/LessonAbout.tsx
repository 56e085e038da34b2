/**
 * ⓘ About this lesson: the lesson's title and premise at any frame (the caption shows it
 * only at frame 0), in the full app and in an embed alike.
 */
import { useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { Popover } from '../shell/Popover';
import { isLesson, lessonText } from '../lessons';

/** ⓘ drawn, not typed: the character decomposes to "i", which axe then expects in the button's name. */
function InfoIcon() {
  return (
    <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="chip-icon">
      <circle r={6.2} fill="none" stroke="currentColor" strokeWidth={1.3} />
      <circle cy={-3} r={1} fill="currentColor" />
      <rect x={-0.8} y={-1} width={1.6} height={5} rx={0.6} fill="currentColor" />
    </svg>
  );
}

export function LessonAbout() {
  const t = useT();
  const lesson = useApp((s) => s.lesson);
  const lang = useApp((s) => s.lang);
  const [open, setOpen] = useState(false);
  const text = isLesson(lesson) ? lessonText(lesson, lang) : undefined;
  return (
    <div className="legend-wrap">
      <button type="button" className="chip corner-chip" aria-label={t.stageAbout} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <InfoIcon /> <span className="chip-text">{t.stageAbout}</span>
      </button>
      {open && (
        <Popover label={t.stageAbout} onClose={() => setOpen(false)} className="lesson-about">
          <h2 className="popover-title">{text?.title ?? t.stageAbout}</h2>
          <p className="lesson-about-text" data-testid="lesson-about">
            {text?.blurb ?? t.stageAboutNone}
          </p>
          <button type="button" className="btn small" onClick={() => setOpen(false)}>
            {t.close}
          </button>
        </Popover>
      )}
    </div>
  );
}
