import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createGlossClient } from './api/client';
import { App } from './components/App';
import { StoreProvider } from './store/context';
import { connectStore, createGlossStore } from './store/gloss-store';
import './styles.css';

const client = createGlossClient();
const store = createGlossStore(client);
connectStore(store, client);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
