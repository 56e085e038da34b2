/**
 * Protocol options (PreVote, CheckQuorum: off by default), the deliberate bugs for lessons,
 * and what the model simplifies. The protocol's view says which exist; changing one
 * reloads the scenario with it.
 */
import { useProtocolView } from '../views/context';
import { useApp, useT } from '../StoreContext';
import { Popover } from './Popover';

/** config.bugs may be a list of names or an object {name: true}. */
function bugsOn(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((b): b is string => typeof b === 'string');
  if (raw && typeof raw === 'object') return Object.entries(raw).filter(([, v]) => v === true).map(([k]) => k);
  return [];
}

export function Settings({ onClose }: { onClose: () => void }) {
  const t = useT();
  const config = useApp((s) => s.scenario?.config);
  const lang = useApp((s) => s.lang);
  const setConfigOption = useApp((s) => s.setConfigOption);
  const view = useProtocolView();
  const words = view?.dict(lang);
  const bugs = bugsOn(config?.bugs);
  const toggleBug = (name: string) => {
    const next = bugs.includes(name) ? bugs.filter((b) => b !== name) : [...bugs, name];
    void setConfigOption('bugs', next);
  };
  return (
    <Popover label={t.settingsTitle} onClose={onClose} className="settings">
      <h2 className="popover-title">{t.settingsTitle}</h2>
      {view?.switches.map((key) => {
        const on = config?.[key] === true;
        return (
          <label key={key} className="switch-row">
            <input type="checkbox" role="switch" checked={on} onChange={() => void setConfigOption(key, !on)} />
            <span className="switch-text">
              <strong>{words?.switches[key]?.name ?? key}</strong>
              <span className="note">{words?.switches[key]?.help ?? ''}</span>
            </span>
          </label>
        );
      })}
      {view && view.bugs.length > 0 && (
        <fieldset className="bug-list">
          <legend>{t.bugsTitle}</legend>
          <p className="note">{t.bugsNote}</p>
          {view.bugs.map((name) => (
            <label key={name} className="switch-row">
              <input type="checkbox" checked={bugs.includes(name)} onChange={() => toggleBug(name)} />
              <span className="switch-text">
                <strong>
                  <code>{name}</code>
                </strong>
                <span className="note">{words?.bugHelp[name] ?? ''}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="note">{t.settingsNote}</p>
      <details className="model-notes">
        <summary>{t.modelTitle}</summary>
        <ul>
          {(words?.simplifications ?? []).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <button type="button" className="btn small" onClick={onClose}>
        {t.close}
      </button>
    </Popover>
  );
}
