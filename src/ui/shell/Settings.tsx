/** Protocol options (PreVote, CheckQuorum), off by default; changing one reloads the scenario with it. */
import { useApp, useT } from '../StoreContext';
import { Popover } from './Popover';

const OPTIONS = ['preVote', 'checkQuorum'] as const;

export function Settings({ onClose }: { onClose: () => void }) {
  const t = useT();
  const config = useApp((s) => s.scenario?.config);
  const setConfigOption = useApp((s) => s.setConfigOption);
  return (
    <Popover label={t.settingsTitle} onClose={onClose} className="settings">
      <h2 className="popover-title">{t.settingsTitle}</h2>
      {OPTIONS.map((key) => {
        const on = config?.[key] === true;
        return (
          <label key={key} className="switch-row">
            <input type="checkbox" role="switch" checked={on} onChange={() => void setConfigOption(key, !on)} />
            <span className="switch-text">
              <strong>{t[key]}</strong>
              <span className="note">{key === 'preVote' ? t.preVoteHelp : t.checkQuorumHelp}</span>
            </span>
          </label>
        );
      })}
      <p className="note">{t.settingsNote}</p>
      <button type="button" className="btn small" onClick={onClose}>
        {t.close}
      </button>
    </Popover>
  );
}
