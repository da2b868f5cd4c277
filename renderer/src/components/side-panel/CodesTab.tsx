import { useState } from 'react';
import { useStore } from '../../store/context';
import { CodebookEditor } from './CodebookEditor';
import { CodeTree } from './CodeTree';
import './CodesTab.css';

/** The codebook: chosen from to tag or to filter, or edited. */
export function CodesTab() {
  const [editing, setEditing] = useState(false);
  const readOnly = useStore((s) => s.project?.readOnlyCodebook ?? true);

  return (
    <div className="codes-tab">
      <div className="tab-toolbar">
        {editing ? (
          <button type="button" className="button button-primary" onClick={() => setEditing(false)}>
            Done editing
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={readOnly}
            title={readOnly ? 'project.json could not be read, so the codebook cannot be changed' : undefined}
            onClick={() => setEditing(true)}
          >
            Edit codebook
          </button>
        )}
      </div>
      {editing && !readOnly ? <CodebookEditor /> : <CodeTree />}
    </div>
  );
}
