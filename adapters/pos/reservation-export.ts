// The POS's export of the reservations it held at go-live: it has no call that finds a
// reservation by the order it holds. A JSON array of `{id, store, ref, status}`, the POS's names.
import { z } from 'zod';
import { parseExport } from '../transport/export-file';
import { RESERVATION_STATES, type PosReservation } from './wire';

export type ExportedReservation = Pick<PosReservation, 'id' | 'store' | 'ref' | 'status'>;

const exported = z.array(
  z.object({ id: z.string().min(1), store: z.string().min(1), ref: z.string(), status: z.enum(RESERVATION_STATES) }),
);

export const parseReservationExport = (text: string, origin: string): ExportedReservation[] =>
  parseExport(exported, text, 'POS reservation export', origin);
