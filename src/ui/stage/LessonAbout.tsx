/**
 * ⓘ About this lesson: the lesson's title and premise at any frame (the caption shows it
 * only at frame 0), in the full app and in an embed alike.
 */
import { useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { Popover } from '../shell/Popover';

export function LessonAbout() {
  const t = useT();
  const lesson = useApp((s) => s.lesson);
  const [open, setOpen] = useState(false);
  const text = lesson ? t.lessons[lesson as keyof typeof t.lessons] : undefined;
  return (
    <div className="legend-wrap">
      <button type="button" className="chip corner-chip" aria-label={t.stageAbout} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">ⓘ</span> <span className="chip-text">{t.stageAbout}</span>
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
