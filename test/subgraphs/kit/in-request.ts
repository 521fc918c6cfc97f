import { requestContext, requestId } from '../../../platform/logging/request-context';

/** Runs `work` inside the context of a request sent with `x-request-id: id`, as a resolver does. */
export function inRequest<T>(id: string, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const res = { locals: {} as Record<string, unknown>, setHeader: () => undefined };
    const req = { get: () => id };
    requestId(req as never, res as never, () => requestContext(req as never, res as never, () => void work().then(resolve, reject)));
  });
}
