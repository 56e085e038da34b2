/**
 * The embed's side of the host API, between the wire format (./protocol.ts) and one app
 * store. No DOM: the caller hands in how to post to the host and how to wait for the next
 * animation frame, so this runs in Vitest against the real simulation.
 *
 * - Commands run one after another, in the order received, each after the previous one's
 *   store action finished; a command that arrives before the first scenario is on screen
 *   waits for it (a host may send `seek` right after the iframe's load event).
 * - `ready` goes out each time a scenario reaches the screen (the first load, and after
 *   `lesson`, `load` or an option change); `frame` whenever the frame on screen or
 *   playing changes, coalesced to one per animation frame and never before `ready`.
 * - A `load` whose scenario the app refuses answers `error` with the validator's message
 *   (the app itself falls back to the default lesson and says so on screen).
 */
import type { AppState, AppStore } from '../../store/appStore';
import { errorMessage, frameMessage, parseHostMessage, readyMessage, type EmbedMessage, type HostCommand } from './protocol';

export interface BridgeDeps {
  post(message: EmbedMessage): void;
  /** Run `fn` once at the next animation frame; returns a cancel function. */
  nextFrame(fn: () => void): () => void;
}

export interface HostBridge {
  /** One message from the host (already checked to come from the parent window). */
  receive(data: unknown): void;
  dispose(): void;
}

/**
 * A refused scenario's text for the host: the validator's message already begins with the
 * field it names ("nodes: expected …"), so the field is added only when it does not.
 */
export function refusal(field: string | undefined, detail: string): string {
  if (!field || detail.startsWith(`${field}:`)) return detail;
  return `${field}: ${detail}`;
}

const onScreen = (s: AppState) => s.status === 'ready' && s.view !== null;

export function createHostBridge(store: AppStore, deps: BridgeDeps): HostBridge {
  let disposed = false;
  let readySent = false;
  let awaitingReady = true;
  let cancelFrame: (() => void) | null = null;
  let chain: Promise<void> = Promise.resolve();

  const flushFrame = () => {
    cancelFrame = null;
    const s = store.getState();
    if (disposed || !readySent || !s.view) return;
    deps.post(frameMessage(s.view.frame, s.view.time, s.playing));
  };

  const onState = (s: AppState, prev: AppState) => {
    if (disposed) return;
    if (s.status !== 'ready') awaitingReady = true;
    if (awaitingReady && onScreen(s) && s.view) {
      awaitingReady = false;
      readySent = true;
      deps.post(readyMessage(s.view.protocol, s.head + 1));
      return;
    }
    if (!readySent || !s.view) return;
    if (s.view.frame !== prev.view?.frame || s.playing !== prev.playing) {
      if (cancelFrame === null) cancelFrame = deps.nextFrame(flushFrame);
    }
  };
  const unsubscribe = store.subscribe(onState);
  // The store may already be showing a scenario (the bridge started late).
  onState(store.getState(), store.getState());

  const untilOnScreen = () =>
    new Promise<void>((resolve) => {
      if (onScreen(store.getState())) return resolve();
      const unsub = store.subscribe((s) => {
        if (onScreen(s) || disposed) {
          unsub();
          resolve();
        }
      });
    });

  async function apply(command: HostCommand): Promise<void> {
    await untilOnScreen();
    if (disposed) return;
    const s = store.getState();
    switch (command.type) {
      case 'play':
        s.play();
        return;
      case 'pause':
        s.pause();
        return;
      case 'step':
        await (command.by > 0 ? s.stepForward() : s.stepBack());
        return;
      case 'seek':
        await s.seek(command.frame);
        return;
      case 'next-mark':
        await s.nextMark();
        return;
      case 'prev-mark':
        await s.prevMark();
        return;
      case 'lesson':
        await s.openLesson(command.name);
        return;
      case 'load': {
        // The problems already shown (by identity: a successful load clears earlier ones).
        const before = new Set(s.problems);
        await s.loadScenario(command.scenario);
        const refused = store
          .getState()
          .problems.filter((p) => !before.has(p))
          .find((p) => p.code === 'badScenario' || p.code === 'impossibleInitial');
        if (refused && refused.code === 'badScenario') deps.post(errorMessage(`load: ${refusal(refused.field, refused.detail)}`));
        return;
      }
      case 'lang':
        s.setLang(command.lang);
        return;
    }
  }

  return {
    receive(data) {
      if (disposed) return;
      const parsed = parseHostMessage(data);
      if (parsed.kind === 'ignore') return;
      if (parsed.kind === 'error') {
        deps.post(errorMessage(parsed.message));
        return;
      }
      const command = parsed.command;
      chain = chain.then(() => apply(command)).catch(() => {});
    },
    dispose() {
      disposed = true;
      unsubscribe();
      cancelFrame?.();
      cancelFrame = null;
    },
  };
}
