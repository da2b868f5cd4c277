import { useStore } from '../store/context';
import { DocumentList } from './DocumentList';
import { ErrorNotice } from './ErrorNotice';
import { FileProblems } from './FileProblems';
import { Reader } from './Reader';

/** The workbench: the document list beside the reader, or what stands in for them. */
export function App() {
  const loaded = useStore((s) => s.projectLoaded);
  const name = useStore((s) => s.project?.name);
  const root = useStore((s) => s.project?.root);
  const error = useStore((s) => s.projectError);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Gloss</span>
        {name && (
          <span className="project-name" title={root}>
            {name}
          </span>
        )}
      </header>
      {!loaded ? (
        <main className="app-message">
          <p className="empty-state">Loading…</p>
        </main>
      ) : error ? (
        <main className="app-message">
          <ErrorNotice error={error} />
        </main>
      ) : name === undefined ? (
        <main className="app-message">
          <p className="empty-state">No project open</p>
        </main>
      ) : (
        <>
          <nav className="sidebar" aria-label="Documents">
            <ProjectProblems />
            <DocumentList />
          </nav>
          <main className="reading-pane">
            <Reader />
          </main>
        </>
      )}
    </div>
  );
}

function ProjectProblems() {
  const problems = useStore((s) => s.project?.problems);
  return problems ? <FileProblems problems={problems} /> : null;
}
