import { useStore } from '../store/context';
import { selectDocumentFolders } from '../store/search-slice';

/** A labelled choice of one of the project's folders ("news/"), or all of them (""): the scope of a search or a query. */
export function FolderSelect({
  value,
  onChange,
  all,
}: {
  value: string;
  onChange(folder: string): void;
  /** The words for every folder. */
  all: string;
}) {
  const folders = useStore(selectDocumentFolders);
  return (
    <label className="sp-field">
      Folder
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{all}</option>
        {folders.map((folder) => (
          <option key={folder} value={folder}>
            {folder}
          </option>
        ))}
      </select>
    </label>
  );
}
