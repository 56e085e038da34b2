/**
 * Opens what the link asks for, or the default lesson with a message saying what was wrong.
 * Never rejects: a failure is a problem on screen, not an uncaught error. A compressed
 * scenario (#z=) is unpacked first (DecompressionStream is async).
 */
import { DEFAULT_LESSON, type AppStore, type LoadOptions } from '../store/appStore';
import { resolveParams, type UrlParams } from './url';

export async function boot(store: AppStore, linkParams: UrlParams): Promise<void> {
  try {
    const st = store.getState();
    // The look first, so the lesson never shows in another one.
    if (linkParams.theme) st.setTheme(linkParams.theme);
    if (linkParams.large !== null) st.setLargeType(linkParams.large);
    const params = await resolveParams(linkParams);
    const opts: LoadOptions = { frame: params.frame, autoplay: params.autoplay, problems: params.problems };
    // A speed in the link beats the lesson's own default (openLesson applies that otherwise).
    if (params.speed !== null) opts.speed = params.speed;
    if (params.source.kind === 'inline') await st.loadScenario(params.source.scenario, { ...opts, lesson: params.lesson });
    else await st.openLesson(params.source.kind === 'bundled' ? params.source.name : DEFAULT_LESSON, opts);
  } catch (err) {
    store.getState().addProblem({ code: 'simFailed', detail: err instanceof Error ? err.message : String(err) });
  }
}
