/**
 * The app's header: title, lesson selector, protocol settings, EN | 中文, theme, large
 * type and Share (copies the address, which always reproduces the screen).
 */
import { useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { LESSONS } from '../lessons';
import { Settings } from './Settings';

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
  const showToast = useApp((s) => s.showToast);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const share = async () => {
    const href = window.location.href;
    try {
      await navigator.clipboard.writeText(href);
      showToast('shareCopied');
    } catch {
      window.prompt(t.shareFailed, href);
    }
  };

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
        <select value={lesson ?? CUSTOM} onChange={(e) => e.target.value !== CUSTOM && void openLesson(e.target.value)}>
          {lesson === null && <option value={CUSTOM}>{t.customScenario}</option>}
          {LESSONS.map((name) => (
            <option key={name} value={name}>
              {t.lessons[name].title}
            </option>
          ))}
        </select>
      </label>
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
      <button type="button" className="icon-btn" aria-pressed={largeType} aria-label={t.largeType} title={t.largeType} onClick={() => setLargeType(!largeType)}>
        A+
      </button>
      <button type="button" className="btn share" onClick={() => void share()}>
        <span className="share-icon" aria-hidden="true" /> {t.share}
      </button>
    </header>
  );
}
