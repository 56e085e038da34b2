/** Entry point: one app instance for this page, configured by its address. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './AppRoot';
import './app.css';

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      {/* The fragment too: a long scenario travels there (#z=…), never reaching a server. */}
      <AppRoot search={`${window.location.search}${window.location.hash}`} />
    </StrictMode>,
  );
}
