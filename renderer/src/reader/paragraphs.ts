// The split is shared with main, which finds the paragraphs around a stakeholder's mentions the same way.
export { type Paragraph, splitParagraphs } from '../../../shared/text/paragraphs';
