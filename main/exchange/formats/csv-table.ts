// The CSV writer moved to shared/ so the screens write the same CSV as the command line; this
// name stays until the last command still importing it from here has moved over.
export { type CsvCell, csvTable } from '../../../shared/csv-table';
