import type { FileProblem } from '../../../shared/model/document';

/** Files Gloss could not read or trust; they are left untouched on disk. */
export function FileProblems({ problems }: { problems: readonly FileProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="file-problems" aria-label="File problems">
      <h2>
        {problems.length === 1 ? 'A file could not be read' : `${problems.length} files could not be read`}
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.file}>
            <code>{problem.file}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
