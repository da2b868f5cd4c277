import { type GlossHandlers, requests } from '../../shared/api';
import { type ApiEnvelope, ApiError, errorEnvelope } from '../../shared/api-error';
import { isOperationName } from '../../shared/operations';

export type Dispatch = (operation: string, request: unknown) => Promise<ApiEnvelope<unknown>>;

/**
 * The main-side boundary every transport goes through: the operation name and the request
 * are checked against the contract in shared/api.ts before any service code runs, and every
 * failure comes back as an error envelope, never as a thrown exception or a stack trace.
 */
export function createDispatch(
  api: GlossHandlers,
  onInternalError: (error: unknown) => void = console.error,
): Dispatch {
  return async (operation, request) => {
    if (!isOperationName(operation)) {
      return errorEnvelope('bad-request', `Unknown operation "${operation}"`);
    }
    const parsed = requests[operation].safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return errorEnvelope(
        'bad-request',
        `Invalid ${operation} request: ${where}${issue?.message ?? 'malformed'}`,
      );
    }
    try {
      const handler = api[operation] as (req: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
      onInternalError(error);
      return errorEnvelope(
        'internal',
        `Gloss failed while running ${operation}: ${String((error as Error)?.message ?? error)}`,
      );
    }
  };
}
