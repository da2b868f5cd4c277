import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts';
import { useStore } from '../store/context';
import { DocumentList } from './document-list/DocumentList';
import { ErrorNotice } from './ErrorNotice';
import { FileProblems } from './FileProblems';
import { Header } from './header/Header';
import { Reader } from './Reader';
import { SidePanel } from './side-panel/SidePanel';
import { TourCard } from './tour/TourCard';

/** The reader's landmark; the skip link jumps here. */
const READER_ID = 'reader';

/**
 * The workbench: the header above three panes (documents, the reader, the side panel), or
 * what stands in for them while the project loads or when none is open.
 */
export function App() {
  useGlobalShortcuts();
  const loaded = useStore((s) => s.projectLoaded);
  const hasProject = useStore((s) => s.project !== null);
  const error = useStore((s) => s.projectError);

  return (
    <div className="app">
      <a className="skip-link" href={`#${READER_ID}`}>
        Skip to the reader
      </a>
      <Header />
      {!loaded ? (
        <main className="app-message">
          <p className="empty-state">Loading…</p>
        </main>
      ) : error ? (
        <main className="app-message">
          <ErrorNotice error={error} />
        </main>
      ) : !hasProject ? (
        <main className="app-message">
          <p className="empty-state">No project open</p>
        </main>
      ) : (
        <>
          <nav className="documents-pane" aria-label="Documents">
            <ProjectProblems />
            <DocumentList />
          </nav>
          {/* tabIndex -1: the skip link moves focus here, not just the scroll position. */}
          <main className="reading-pane" id={READER_ID} tabIndex={-1}>
            <Reader />
          </main>
          <aside className="side-pane" aria-label="Side panel">
            <SidePanel />
          </aside>
        </>
      )}
      {hasProject && <TourCard />}
      <ShortcutHelp />
    </div>
  );
}

function ProjectProblems() {
  const problems = useStore((s) => s.project?.problems);
  return problems ? <FileProblems problems={problems} /> : null;
}
