/**
 * One request at a time to an operation that reads the whole project, the newest choice
 * winning: requests asked while one runs are folded into one more, for the newest of them, and
 * an answer to a request that is no longer the newest is dropped. So a slow answer never
 * overwrites a newer one, and a researcher changing a choice five times sends two requests.
 */
export interface NewestRequest<Request> {
  /** Resolves once the newest request asked so far is answered (or dropped for a newer one). */
  ask(request: Request): Promise<void>;
  /** Drops the request waiting and any answer on its way (another project, an emptied query). */
  forget(): void;
}

export function newestRequest<Request, Answer>(
  send: (request: Request) => Promise<Answer>,
  on: { answered(answer: Answer, request: Request): void; failed(error: unknown): void },
): NewestRequest<Request> {
  /** Counts the requests asked; an answer is taken only if it is for the newest. */
  let asked = 0;
  let waiting: { serial: number; request: Request } | null = null;
  let running: Promise<void> | null = null;

  const drain = async () => {
    try {
      while (waiting) {
        const { serial, request } = waiting;
        waiting = null;
        try {
          const answer = await send(request);
          if (serial === asked) on.answered(answer, request);
        } catch (error) {
          if (serial === asked) on.failed(error);
        }
      }
    } finally {
      // In the same step as the last check for a request waiting, so none is left behind.
      running = null;
    }
  };

  return {
    async ask(request) {
      waiting = { serial: ++asked, request };
      running ??= drain();
      await running;
    },
    forget() {
      asked++;
      waiting = null;
    },
  };
}
