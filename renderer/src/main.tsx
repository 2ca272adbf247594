import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useVaultStore } from './store/vaultStore';
import './styles.css';

// Ask for the keys first: main lists and sends them while React mounts the app (useVaultSync keeps them current).
const { loadStatus, loadKeys } = useVaultStore.getState();
void loadKeys();
void loadStatus();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
