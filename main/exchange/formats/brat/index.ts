export { bratExport } from './brat-export';
export { bratImport } from './brat-import';
