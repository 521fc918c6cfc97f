// The legacy systems answer "not found" with an error; the clients' getters answer null.
import { LegacyRejectedError } from '../../platform/errors';

export async function nullIfNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof LegacyRejectedError && err.legacyCode === 'not_found') return null;
    throw err;
  }
}
