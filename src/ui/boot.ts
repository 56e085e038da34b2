/** Opens what the link asks for, or the default lesson with a message saying what was wrong. */
import { DEFAULT_LESSON, type AppStore } from '../store/appStore';
import type { UrlParams } from './url';

export async function boot(store: AppStore, params: UrlParams): Promise<void> {
  const st = store.getState();
  const opts = { frame: params.frame, autoplay: params.autoplay, problems: params.problems };
  if (params.source.kind === 'inline') await st.loadScenario(params.source.scenario, opts);
  else await st.openLesson(params.source.kind === 'bundled' ? params.source.name : DEFAULT_LESSON, opts);
}
