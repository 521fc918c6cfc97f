// A legacy person record for the identity tests: what a test names, every other field empty.
import type { PersonRecord } from '../../../domain/types';

export const person = (over: Partial<PersonRecord> & Pick<PersonRecord, 'system' | 'externalId'>): PersonRecord => ({
  firstName: null,
  lastName: null,
  email: null,
  phone: null,
  card: null,
  createdAt: null,
  ...over,
});
