import { guidFor } from './guid';

/**
 * The GUID of each thing an export writes, from Gloss's ids. Annotation and relation ids are
 * scoped by document so that two documents can never share one.
 */
export const exportGuids = {
  user: (author: string) => guidFor(`user:${author}`),
  source: (key: string) => guidFor(`document:${key}`),
  selection: (key: string, annotationId: string) => guidFor(`annotation:${key}:${annotationId}`),
  coding: (key: string, annotationId: string) => guidFor(`coding:${key}:${annotationId}`),
  link: (key: string, relationId: string) => guidFor(`relation:${key}:${relationId}`),
  note: (owner: string) => guidFor(`note:${owner}`),
  stakeholder: (id: string) => guidFor(`stakeholder:${id}`),
  variable: (name: string) => guidFor(`variable:${name}`),
};
