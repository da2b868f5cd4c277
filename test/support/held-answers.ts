import type { GlossClient } from '../../shared/api-client';
import type { OperationName } from '../../shared/operations';

/**
 * Holds every answer of one of the client's operations until released, recording each request
 * and how many were running at once: for the slices that send one request at a time and show
 * only the newest answer.
 */
export function holdAnswers<K extends OperationName>(client: GlossClient, operation: K) {
  const send = client[operation] as (request: unknown) => Promise<unknown>;
  const waiting: (() => void)[] = [];
  const asked: Parameters<GlossClient[K]>[0][] = [];
  let running = 0;
  let mostAtOnce = 0;
  (client as unknown as Record<K, (request: unknown) => Promise<unknown>>)[operation] = async (request) => {
    asked.push(request as Parameters<GlossClient[K]>[0]);
    mostAtOnce = Math.max(mostAtOnce, ++running);
    try {
      const answer = await send(request);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return answer;
    } finally {
      running--;
    }
  };
  return {
    asked,
    mostAtOnce: () => mostAtOnce,
    /** Lets the oldest held answer go, once it has arrived. */
    async releaseOne() {
      for (let i = 0; i < 400 && waiting.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      waiting.shift()?.();
    },
  };
}
