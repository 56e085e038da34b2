/**
 * The app shell: header, problems, the stage beside the side panel, the transport. With
 * ?embed=1 only the stage and a one-line transport remain (fits 800×450), plus the
 * protocol's state view (Raft's logs) beside the stage when the lesson is about it
 * (LESSON_META[lesson].embedState: Figure 7, Figure 8, the partition).
 */
import { useEffect, useId, useRef } from 'react';
import { useApp, useAppStore, useT } from './StoreContext';
import { Header } from './shell/Header';
import { ProblemBanner } from './shell/ProblemBanner';
import { LiveRegion } from './shell/LiveRegion';
import { ClusterStage } from './stage/ClusterStage';
import { Caption } from './stage/Caption';
import { SidePanel } from './panel/SidePanel';
import { Transport } from './transport/Transport';
import { ForkNotice } from './transport/ForkNotice';
import { viewFor } from './views/registry';
import { ViewContext } from './views/context';
import { themeVars } from './themes';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { useUrlSync } from './useUrlSync';
import { lessonMeta } from '../store/lessons';
import './views/embed.css';

export function App({ syncUrl = true }: { syncUrl?: boolean }) {
  const t = useT();
  const store = useAppStore();
  const root = useRef<HTMLDivElement>(null);
  const idBase = useId().replace(/:/g, '');
  const lang = useApp((s) => s.lang);
  const theme = useApp((s) => s.theme);
  const largeType = useApp((s) => s.largeType);
  const embed = useApp((s) => s.embed);
  const protocol = useApp((s) => s.view?.protocol);
  const status = useApp((s) => s.status);
  const lookup = protocol === undefined ? null : viewFor(protocol);
  // A protocol without a view: its problem in the banner, and no stage (never another protocol's drawing).
  const pv = lookup?.ok ? lookup.view : null;
  const hasView = useApp((s) => s.view !== null) && pv !== null;
  const embedState = useApp((s) => s.embed && lessonMeta(s.lesson)?.embedState === true);

  usePlayback(store);
  useKeyboard(store, root);
  useUrlSync(store, syncUrl);

  useEffect(() => {
    // The page's language follows the app's (screen readers pick voices by it).
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t.appTitle} — ${t.tagline}`;
  }, [lang, t]);

  return (
    <div
      ref={root}
      className={`qs-app ${embed ? 'embed' : 'full'} ${largeType ? 'large' : ''}`}
      data-theme={theme}
      data-large={largeType ? 'true' : 'false'}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      // colorScheme makes native controls (selects, checkboxes, scrollbars) follow the theme.
      style={{ ...themeVars(theme), colorScheme: theme }}
    >
      <ViewContext.Provider value={pv}>
      {!embed && <Header />}
      <ProblemBanner extra={lookup && !lookup.ok ? [lookup.problem] : undefined} />
      <ForkNotice />
      <main className={`main ${embedState ? 'with-state' : ''}`}>
        {hasView && pv ? (
          pv.Stage ? <pv.Stage pv={pv} captionBelow={embedState} /> : <ClusterStage pv={pv} captionBelow={embedState} />
        ) : (
          <section className="stage loading" aria-busy={status === 'loading' || status === 'idle'}>
            <p>{status === 'failed' || (lookup && !lookup.ok) ? '⚠' : t.loading}</p>
          </section>
        )}
        {!embed && hasView && pv && <SidePanel pv={pv} idBase={idBase} />}
        {embedState && hasView && pv && (
          <section className="embed-state" aria-label={pv.dict(lang).logTab}>
            <pv.LogTab />
          </section>
        )}
      </main>
      {embedState && hasView && pv && (
        <div className="caption-slot embed-caption">
          <Caption pv={pv} />
        </div>
      )}
      <Transport />
      <LiveRegion />
      </ViewContext.Provider>
    </div>
  );
}
