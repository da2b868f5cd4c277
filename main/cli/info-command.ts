import type { DocumentList, ProjectInfo } from '../../shared/api';
import { roleOf } from '../../shared/model/codebook';
import { cliClient } from './cli-client';

export interface ProjectReport {
  project: Pick<ProjectInfo, 'root' | 'name' | 'schemaVersion' | 'problems'>;
  documents: {
    key: string;
    title: string;
    format: string;
    status: string;
    annotations: number;
    encoding: string;
  }[];
  skipped: DocumentList['skipped'];
  problems: DocumentList['problems'];
  codes: { id: string; name: string; group: string | null; role: string; annotations: number }[];
}

/** What `gloss info` reports, gathered without writing anything into the folder. */
export async function projectReport(folder: string, annotator?: string): Promise<ProjectReport> {
  const api = cliClient({ annotator, readOnly: true });
  const info = await api.openProject({ path: folder });
  const list = await api.listDocuments({});
  const counts = await api.countAnnotationsByCode({});
  const byId = new Map(info.codebook.codes.map((c) => [c.id, c]));
  return {
    project: { root: info.root, name: info.name, schemaVersion: info.schemaVersion, problems: info.problems },
    documents: list.documents.map((d) => ({
      key: d.key,
      title: d.title,
      format: d.format,
      status: d.status,
      annotations: d.annotationCount,
      encoding: d.metadata.encoding,
    })),
    skipped: list.skipped,
    problems: list.problems,
    codes: info.codebook.codes.map((c) => ({
      id: c.id,
      name: c.name,
      group: c.parentId ? (byId.get(c.parentId)?.name ?? null) : null,
      role: roleOf(info.codebook, c.id),
      annotations: Object.hasOwn(counts, c.id) ? counts[c.id]! : 0,
    })),
  };
}

export function formatReport(report: ProjectReport): string {
  const lines = [`${report.project.name} (${report.project.root})`, ''];
  lines.push(`${report.documents.length} article${report.documents.length === 1 ? '' : 's'}:`);
  for (const d of report.documents) {
    lines.push(
      `  ${d.key}  ${d.title}  [${d.status}, ${d.annotations} annotation${d.annotations === 1 ? '' : 's'}]`,
    );
  }
  if (report.skipped.length > 0) {
    lines.push('', `${report.skipped.length} skipped:`);
    for (const s of report.skipped) lines.push(`  ${s.path}: ${s.reason}`);
  }
  lines.push('', 'Annotations per code:');
  for (const c of report.codes) {
    if (c.group === null) lines.push(`  ${c.name}`);
    else lines.push(`    ${c.name}: ${c.annotations}`);
  }
  const problems = [
    ...report.project.problems,
    ...report.problems.filter((p) => !report.project.problems.some((q) => q.file === p.file)),
  ];
  if (problems.length > 0) {
    lines.push(
      '',
      `${problems.length} file${problems.length === 1 ? '' : 's'} could not be read (left untouched):`,
    );
    for (const p of problems) lines.push(`  ${p.message}`);
  }
  return lines.join('\n');
}
