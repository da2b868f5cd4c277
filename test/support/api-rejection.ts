import { expect } from 'vitest';
import { ApiError } from '../../shared/api-error';

/** The ApiError a call fails with; fails the test if the call succeeds or fails otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}
