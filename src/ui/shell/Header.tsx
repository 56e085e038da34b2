/**
 * The app's header: title, lesson selector with Restart, protocol settings, EN | 中文,
 * theme, large type and Share (copies a link to what is on screen, the scenario
 * compressed into its fragment, and warns when the link is long).
 */
import { useState } from 'react';
import { useApp, useAppStore, useT } from '../StoreContext';
import { LESSONS, lessonText } from '../lessons';
import { shareAddress } from '../useUrlSync';
import { Settings } from './Settings';
import { SharePopover } from './SharePopover';

const CUSTOM = '__custom';

export function Header() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const lesson = useApp((s) => s.lesson);
  const theme = useApp((s) => s.theme);
  const largeType = useApp((s) => s.largeType);
  const setLang = useApp((s) => s.setLang);
  const toggleTheme = useApp((s) => s.toggleTheme);
  const setLargeType = useApp((s) => s.setLargeType);
  const openLesson = useApp((s) => s.openLesson);
  const store = useAppStore();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shared, setShared] = useState<{ link: string; copied: boolean } | null>(null);

  const share = async () => {
    if (shared) {
      setShared(null);
      return;
    }
    // Built afresh (the address bar is written a little behind, and compressing is async).
    const link = await shareAddress(store.getState());
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // Refused (no permission, no secure context): the popover shows the link to copy.
    }
    setShared({ link, copied });
  };

  const listed = lesson !== null && (LESSONS as readonly string[]).includes(lesson);

  return (
    <header className="app-header">
      <h1 className="brand">
        <img src="favicon.svg" alt="" width={22} height={22} />
        {t.appTitle}
      </h1>
      <label className="lesson-select">
        <span className="sr-only">{t.lesson}</span>
        <span aria-hidden="true" className="lesson-label">
          {t.lesson}
        </span>
        {/* A bundled scenario that is not a lesson (ring-basic) shows as a custom scenario, not as the first lesson. */}
        <select value={listed ? lesson : CUSTOM} onChange={(e) => e.target.value !== CUSTOM && void openLesson(e.target.value)}>
          {!listed && <option value={CUSTOM}>{t.customScenario}</option>}
          {LESSONS.map((name) => (
            <option key={name} value={name}>
              {lessonText(name, lang).title}
            </option>
          ))}
        </select>
      </label>
      {lesson !== null && (
        // A select fires no change when the lesson already shown is picked again.
        <button type="button" className="icon-btn" aria-label={t.shareRestartLesson} title={t.shareRestartLesson} onClick={() => void openLesson(lesson)}>
          ↺
        </button>
      )}
      <div className="header-spacer" />
      <div className="anchor">
        <button type="button" className="icon-btn" aria-expanded={settingsOpen} aria-label={t.settings} title={t.settings} onClick={() => setSettingsOpen((o) => !o)}>
          ⚙
        </button>
        {settingsOpen && <Settings onClose={() => setSettingsOpen(false)} />}
      </div>
      <div className="lang-toggle" role="group" aria-label={t.language}>
        <button type="button" aria-pressed={lang === 'en'} lang="en" onClick={() => setLang('en')}>
          EN
        </button>
        <span aria-hidden="true">|</span>
        <button type="button" aria-pressed={lang === 'zh'} lang="zh-CN" onClick={() => setLang('zh')}>
          中文
        </button>
      </div>
      <button
        type="button"
        className="icon-btn"
        aria-label={theme === 'dark' ? t.themeToLight : t.themeToDark}
        title={theme === 'dark' ? t.themeToLight : t.themeToDark}
        onClick={toggleTheme}
      >
        ◐
      </button>
      {/* Named by its visible text and then its meaning ("A+ Large type"): speech users say what they see. */}
      <button type="button" className="icon-btn" aria-pressed={largeType} title={t.largeType} onClick={() => setLargeType(!largeType)}>
        A+<span className="sr-only"> {t.largeType}</span>
      </button>
      <div className="anchor">
        <button type="button" className="btn share" aria-expanded={shared !== null} onClick={() => void share()}>
          <span className="share-icon" aria-hidden="true" /> {t.share}
        </button>
        {shared && <SharePopover link={shared.link} copied={shared.copied} onClose={() => setShared(null)} />}
      </div>
    </header>
  );
}
