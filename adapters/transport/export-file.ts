// A silo's export file: what it cannot be asked for over its API (the vouchers the CRM granted,
// the reservations the POS held at go-live) comes once, as a JSON document. One that does not read
// stops the start-up with a message naming the file and what is wrong in it.
import type { z } from 'zod';
import { ConfigError } from '../../platform/config';

export function parseExport<T>(schema: z.ZodType<T, unknown>, text: string, what: string, origin: string): T {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ConfigError(`Invalid ${what} ${origin}: not JSON`);
  }
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid ${what} ${origin}: ${problems}`);
  }
  return parsed.data;
}
