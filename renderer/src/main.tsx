import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createGlossClient } from './api/client';
import { App } from './components/App';
import { applyTheme, storedTheme } from './components/header/theme';
import { applyReaderPrefs, storedReaderPrefs } from './components/settings/reader-prefs';
import { memoryReaderViews, storedReaderViews } from './reader/reader-view-memory';
import { memoryReadingPlaces, storedReadingPlaces } from './reader/reading-place';
import { StoreProvider } from './store/context';
import { connectStore, createGlossStore } from './store/gloss-store';
import './styles.css';

// Before the first paint, so a chosen theme does not flash the system's.
applyTheme(storedTheme());
applyReaderPrefs(storedReaderPrefs());

const client = createGlossClient();
const store = createGlossStore(client, {
  readingPlaces: readingPlacesOfThisBrowser(),
  readerViews: readerViewsOfThisBrowser(),
});
connectStore(store, client);
// The desktop app asks for the tour on the sample project's first start (main/electron/app-window.ts).
if (new URLSearchParams(window.location.search).has('tour')) store.getState().startTour();

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

/** The reader's view per project, kept as reading places are. */
function readerViewsOfThisBrowser() {
  try {
    return storedReaderViews(window.localStorage);
  } catch {
    return memoryReaderViews();
  }
}
