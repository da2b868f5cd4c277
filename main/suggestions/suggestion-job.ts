import type { SuggestionJob } from '../../shared/api';
import type { Project } from '../project/project';
import { throttled } from '../project/throttled';
import { ReviewGroupBuilder } from './review-groups';
import type { SuggestionReview } from './review-queue';
import type { Suggestions } from './suggestions';

const idle = (): SuggestionJob => ({
  state: 'idle',
  done: 0,
  total: 0,
  found: 0,
  byDocument: {},
  failures: [],
});

/**
 * Finds suggestions in every document of the project, one document at a time, yielding to the
 * event loop between them so the API keeps answering while it runs. Reports progress through
 * `report`; can be cancelled. A run that reaches the end replaces the annotator's review queue
 * (review-queue.ts) before it reports itself done; nothing else is written.
 */
export class SuggestionJobRunner {
  #job: SuggestionJob = idle();
  #cancelled = false;
  #running: Promise<void> | undefined;

  constructor(
    private readonly project: Project,
    private readonly suggestions: Suggestions,
    private readonly review: SuggestionReview,
    private readonly report: (job: SuggestionJob) => void,
  ) {}

  get state(): SuggestionJob {
    return structuredClone(this.#job);
  }

  /** Starts a run, or returns the one under way. */
  start(): SuggestionJob {
    if (this.#job.state === 'running') return this.state;
    this.#cancelled = false;
    this.#job = { ...idle(), state: 'running', startedAt: new Date().toISOString() };
    this.#running = this.#run();
    return this.state;
  }

  cancel(): SuggestionJob {
    if (this.#job.state === 'running') this.#cancelled = true;
    return this.state;
  }

  /** Resolves when the current run (if any) has ended; for tests and the CLI. */
  async finished(): Promise<SuggestionJob> {
    await this.#running;
    return this.state;
  }

  async #run(): Promise<void> {
    const job = this.#job;
    // A fast run does not flood the screens with events.
    const report = throttled(() => this.report(this.state));
    const emit = (force = false) => report(undefined, force);
    try {
      const { documents } = await this.project.listDocuments();
      const { codebook, stakeholders } = this.project.info();
      const groups = new ReviewGroupBuilder(codebook, stakeholders);
      job.total = documents.length;
      emit(true);
      for (const { key } of documents) {
        if (this.#cancelled) break;
        try {
          // One read of the document and every annotator's files, as opening it in the reader.
          const { suggestions: found } = await this.suggestions.list(key);
          job.byDocument[key] = found.length;
          job.found += found.length;
          groups.add(key, found);
        } catch (error) {
          job.failures.push({ key, message: (error as Error).message });
        }
        job.done += 1;
        emit();
        // Lets API calls and the cancel in between documents.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!this.#cancelled) await this.review.rebuild(groups.groups(), new Date().toISOString());
      job.state = this.#cancelled ? 'cancelled' : 'done';
    } catch (error) {
      job.state = 'failed';
      job.failures.push({ key: '', message: (error as Error).message });
    }
    job.finishedAt = new Date().toISOString();
    emit(true);
  }
}
