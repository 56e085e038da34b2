/**
 * The app shell: header, problems, the stage beside the side panel, the transport. With
 * ?embed=1 only the stage and a one-line transport remain (fits 800×450).
 */
import { useEffect, useId, useRef } from 'react';
import { useApp, useAppStore, useT } from './StoreContext';
import { Header } from './shell/Header';
import { ProblemBanner } from './shell/ProblemBanner';
import { LiveRegion } from './shell/LiveRegion';
import { ClusterStage } from './stage/ClusterStage';
import { SidePanel } from './panel/SidePanel';
import { Transport } from './transport/Transport';
import { ForkNotice } from './transport/ForkNotice';
import { viewFor } from './views/registry';
import { themeVars } from './themes';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { useUrlSync } from './useUrlSync';

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
  const hasView = useApp((s) => s.view !== null);
  const pv = viewFor(protocol);

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
      {!embed && <Header />}
      <ProblemBanner />
      <ForkNotice />
      <main className="main">
        {hasView ? (
          <ClusterStage pv={pv} />
        ) : (
          <section className="stage loading" aria-busy={status === 'loading' || status === 'idle'}>
            <p>{status === 'failed' ? '⚠' : t.loading}</p>
          </section>
        )}
        {!embed && hasView && <SidePanel pv={pv} idBase={idBase} />}
      </main>
      <Transport />
      <LiveRegion />
    </div>
  );
}
