import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createGlossClient } from './api/client';
import { App } from './components/App';
import { applyTheme, storedTheme } from './components/header/theme';
import { memoryReadingPlaces, storedReadingPlaces } from './reader/reading-place';
import { StoreProvider } from './store/context';
import { connectStore, createGlossStore } from './store/gloss-store';
import './styles.css';

// Before the first paint, so a chosen theme does not flash the system's.
applyTheme(storedTheme());

const client = createGlossClient();
const store = createGlossStore(client, { readingPlaces: readingPlacesOfThisBrowser() });
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

/** The browser's localStorage when it lets the page use it, else places kept for this page only. */
function readingPlacesOfThisBrowser() {
  try {
    return storedReadingPlaces(window.localStorage);
  } catch {
    return memoryReadingPlaces();
  }
}
