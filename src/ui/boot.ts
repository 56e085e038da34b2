/**
 * Opens what the link asks for, or the default lesson with a message saying what was wrong.
 * Never rejects: a failure is a problem on screen, not an uncaught error.
 */
import { DEFAULT_LESSON, type AppStore } from '../store/appStore';
import type { UrlParams } from './url';

export async function boot(store: AppStore, params: UrlParams): Promise<void> {
  const st = store.getState();
  const opts = { frame: params.frame, autoplay: params.autoplay, speed: params.speed, problems: params.problems };
  try {
    if (params.source.kind === 'inline') await st.loadScenario(params.source.scenario, { ...opts, lesson: params.lesson });
    else await st.openLesson(params.source.kind === 'bundled' ? params.source.name : DEFAULT_LESSON, opts);
  } catch (err) {
    store.getState().addProblem({ code: 'simFailed', detail: err instanceof Error ? err.message : String(err) });
  }
}
