import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadParts } from './lazyParts';
import { useKeysStore } from './keys/keysStore';
import './styles.css';

// Ask for the keys first: main lists and sends them while React mounts the app (useVaultSync keeps them current).
const { loadStatus, loadKeys } = useKeysStore.getState();
// Once the list is in and painted, fetch the screens and dialogs that load on first use.
void loadKeys().then(() => requestIdleCallback(preloadParts, { timeout: 2_000 }));
void loadStatus();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
