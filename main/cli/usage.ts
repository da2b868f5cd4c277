export const USAGE = `Gloss: annotate folders of news articles.

Usage:
  gloss info <folder> [--json] [--annotator NAME]
      List the folder's articles, the files skipped and why, annotation counts
      per code, and any project file that could not be read. Writes nothing.
  gloss suggest <folder> [--doc KEY] [--json] [--annotator NAME]
      Print what Gloss would suggest tagging (stakeholder mentions, figures with
      their values) in one article or all, less what that annotator rejected or
      tagged already. Offsets in UTF-16 units and in code points. Writes nothing.
  gloss suggest <folder> --stats [--json] [--annotator NAME]
      How many suggestions of each kind that annotator accepted and rejected,
      and the share accepted. Writes nothing.
  gloss search <folder> <query> [--json|--csv] [--limit N] [--within SUBFOLDER/]
      Find words ("data protection": whole words in that order, any case),
      prefixes (regulat*) or /regular expressions/ in every article, as a
      concordance. --json gives {query, total, hits: [{key, start, end, text,
      left, right}]}, offsets in code points. Writes nothing.
  gloss query <folder> --code C [--code C2…] [--with C] [--without C]
              [--stakeholder NAME] [--by overlap|sentence|paragraph]
              [--annotator A] [--status S] [--within F/] [--from DATE] [--to DATE]
              [--json|--csv|--markdown|--html]
      Every passage coded C (or C2…, or a code under one), with or without a
      passage of another code, or a mention of a register stakeholder (name or
      alias), near it by the rule (default: the same paragraph); each with its
      sentence. Offsets in code points. --markdown and --html write a readable
      report for a method appendix: the query in words, the date, the counts,
      then the passages by document. Writes nothing.
  gloss analyse <folder> --cooccurrence [--by overlap|sentence|paragraph]
               [--annotator NAME] [--json|--csv]
      The stakeholder × concern matrix: for each register stakeholder and
      concern code, the concern passages that overlap a mention of it, or share
      a sentence or a paragraph (the default) with one. --json gives {by, cells:
      [{stakeholder, code, count}]}. Writes nothing.
  gloss analyse <folder> --frequencies|--figures [--annotator NAME]
               [--json|--csv]
      --frequencies: how often each code is used (a group with its codes), in
      all, per folder and per document, and the documents without any code of
      each group. --figures: every figure with its value, unit or currency, and
      the stakeholder a relation gives it; offsets in code points.
  gloss analyse <folder> --timeline [--by day|week|month|year]
               [--annotator NAME] [--json|--csv]
      Annotations per code per period (default: month) of the documents'
      dates: the date set on a document in Gloss, else its page's publication
      day; documents without a date counted apart. --json gives {interval,
      periods, cells: [{period, code, count}], undated: {documents, counts}}.
  gloss agreement <folder> [--annotators A,B,…] [--codes C,…] [--done-only]
                 [--json|--csv]
      How far the annotators agree, per code and over all codes: for each pair,
      over the documents both have annotations in (--done-only: both marked
      done), exact-span F1, Cohen's kappa and Krippendorff's alpha over
      characters and over tokens, and unitizing alpha; for all together,
      Fleiss' kappa, alpha and unitizing alpha. Writes nothing.
  gloss export <folder> --format F --out PATH [--documents all|done|KEY,…]
               [--codes ID,…] [--annotators NAME,…] [--bom] [--group ID]
      Write the annotated dataset for other tools: jsonl, csv, brat, conll, w3c,
      refi-qda (.qdpx), refi-qda-codebook (.qdc), codebook. Reads the project
      without writing into it; PATH must be outside the project folder.
  gloss import <folder> --format F PATH [--into SUBFOLDER]
      Bring in another tool's work (brat folder, jsonl, w3c, refi-qda .qdpx or
      .qdc, codebook-csv). Checks everything first: with any problem nothing is
      written. Texts become articles under SUBFOLDER (default: imported; "" for
      the project's own folder). A text whose article is there already, with the
      same text, brings only its annotations onto it, less those it already has.
  gloss serve <folder> [--port N] [--no-open] [--annotator NAME]
      Open the folder in Gloss in your web browser. Listens on 127.0.0.1 only,
      with a token in the printed link; Ctrl+C stops it.
  gloss help
`;

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}
