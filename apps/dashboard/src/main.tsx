import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { storeToken, takeTokenFromLocation } from './session/session-storage';
import './styles.css';

// A `#token=` link signs the tab in and leaves the address bar before anything renders.
const linked = takeTokenFromLocation(window.location, window.history);
if (linked) storeToken(linked);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialToken={linked} />
  </StrictMode>,
);
