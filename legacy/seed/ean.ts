// EAN-13: twelve digits of payload and a GS1 check digit, as the retailer's products carry them.
import { gs1CheckDigit } from '../../domain/canonical/ean';

export const ean13 = (payload12: string): string => payload12 + gs1CheckDigit(payload12);
