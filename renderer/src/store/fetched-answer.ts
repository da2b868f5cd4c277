import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import { newestRequest } from './newest-request';

/** An answer read across the whole project, as a view shows it: the last one stays on screen while a newer loads. */
export interface Fetched<Answer, Asked = undefined> {
  answer: Answer | null;
  /** What `answer` was asked with, so the view describes the numbers it shows, not the choice being loaded. */
  asked: Asked | null;
  loading: boolean;
  error: ApiErrorShape | null;
}

export const NOT_FETCHED = { answer: null, asked: null, loading: false, error: null } as const;

/**
 * Asks for an answer one request at a time, the newest winning (newest-request.ts), and hands
 * each change of its state to `update`. `fetch` resolves once the newest request is answered.
 */
export function fetchedAnswer<Answer, Asked>(
  send: (asked: Asked) => Promise<Answer>,
  update: (changes: Partial<Fetched<Answer, Asked>>) => void,
) {
  const requests = newestRequest(send, {
    answered: (answer, asked) => update({ answer, asked, loading: false, error: null }),
    failed: (error) => update({ loading: false, error: errorShape(error) }),
  });
  return {
    async fetch(asked: Asked): Promise<void> {
      update({ loading: true });
      await requests.ask(asked);
    },
    forget: () => requests.forget(),
  };
}
