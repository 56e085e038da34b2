/**
 * One ZooKeeper client's actions, a popover like a link's menu: cut it off from every
 * server or reconnect it (mend its links), cut or mend only its link to the server selected
 * on the stage, pause it (a GC pause) or close its session. Each is a script action
 * (`{do: "cut" | "mend", client, node?}`, `{do: "client", op: "pause" | "close"}`) recorded
 * through the store's act(), so the address bar reproduces it.
 */
import type { MouseEvent } from 'react';
import type { UserAction } from '../../../sim/api';
import { useApp, useT } from '../../StoreContext';
import { Popover } from '../../shell/Popover';
import { zkDict } from './i18n';
import type { ClientLinks } from './model';

/** How long "Pause" pauses a client (virtual ms): past a 3 s session timeout, as in zk-basic. */
export const PAUSE_MS = 5000;

/** The script actions the menu offers for a client in this state (pure: what each button does). */
export function clientMenuActions(links: ClientLinks, selectedServer: number, servers: number, canClose: boolean) {
  const c = links.client;
  const one = selectedServer >= 1 && selectedServer <= servers ? selectedServer : 0;
  const oneCut = one !== 0 && links.cut.includes(one);
  return {
    cutAll: links.isolated ? null : ({ do: 'cut', client: c } satisfies UserAction),
    mendAll: links.cut.length === 0 ? null : ({ do: 'mend', client: c } satisfies UserAction),
    // Only when cutting that link would not be cutting all of them (the button above does that).
    one: one === 0 ? null : { node: one, cut: oneCut, action: { do: oneCut ? 'mend' : 'cut', client: c, node: one } satisfies UserAction },
    pause: { do: 'client', client: c, op: 'pause', ms: PAUSE_MS } satisfies UserAction,
    close: canClose ? ({ do: 'client', client: c, op: 'close' } satisfies UserAction) : null,
  };
}

export function ZkClientMenu({ links, at, canClose, onClose }: { links: ClientLinks; at: { top: number; right: number; flip?: boolean } | null; canClose: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const act = useApp((s) => s.act);
  const selected = useApp((s) => s.selected);
  const servers = useApp((s) => s.view?.nodes.length ?? 0);
  const z = zkDict(lang);
  const a = clientMenuActions(links, selected, servers, canClose);
  const name = `c${links.client}`;
  const run = (action: UserAction) => () => void act(action);
  // Cut and Reconnect disable themselves once done: focus moves to the other one, never to <body>.
  const runThenFocus = (action: UserAction, next: 'cut' | 'mend') => (e: MouseEvent<HTMLButtonElement>) => {
    const col = e.currentTarget.parentElement;
    void act(action).then(() => col?.querySelector<HTMLButtonElement>(`[data-action="${next}"]`)?.focus({ preventScroll: true }));
  };
  return (
    // A zero-size anchor beside the client; the popover hangs from its right edge (`flip`: from its left edge, for a client left of the ring).
    <div className={`zk-client-menu-at ${at ? '' : 'corner'} ${at?.flip ? 'flip' : ''}`} style={at ? { top: at.top, right: at.right } : undefined}>
      <Popover label={z.clientMenu(name)} onClose={onClose} className="zk-client-menu">
        <h2 className="popover-title">
          {z.clientMenu(name)}
          {links.isolated ? ` · ✂ ${z.cutOff}` : ''}
        </h2>
        <div className="btn-col" data-testid="zk-client-menu" data-client={links.client}>
          <button type="button" className="btn small" data-action="cut" disabled={!a.cutAll} onClick={a.cutAll ? runThenFocus(a.cutAll, 'mend') : undefined}>
            <span aria-hidden="true">✂</span> {z.cutClient}
          </button>
          <button type="button" className="btn small" data-action="mend" disabled={!a.mendAll} onClick={a.mendAll ? runThenFocus(a.mendAll, 'cut') : undefined}>
            {z.mendClient}
          </button>
          {a.one ? (
            <button type="button" className="btn small" data-action={a.one.cut ? 'mend-one' : 'cut-one'} aria-pressed={a.one.cut} onClick={run(a.one.action)}>
              {!a.one.cut && <span aria-hidden="true">✂ </span>}
              {a.one.cut ? z.mendClientLink(`n${a.one.node}`) : z.cutClientLink(`n${a.one.node}`)}
            </button>
          ) : (
            <p className="note zk-menu-hint">{z.pickServerHint}</p>
          )}
          <button type="button" className="btn small" data-action="pause" onClick={run(a.pause)}>
            <span aria-hidden="true">❚❚</span> {z.pauseClient(`${PAUSE_MS / 1000} s`)}
          </button>
          <button type="button" className="btn small" data-action="close" disabled={!a.close} onClick={a.close ? run(a.close) : undefined}>
            {z.closeSession}
          </button>
          <button type="button" className="btn small ghost" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </Popover>
    </div>
  );
}
