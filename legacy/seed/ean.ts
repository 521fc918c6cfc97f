// EAN-13: twelve digits of payload and a check digit weighted 1,3,1,3... (GS1 mod 10).

export function checkDigit(payload12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(payload12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export const ean13 = (payload12: string): string => payload12 + checkDigit(payload12);

export const isValidEan13 = (ean: string): boolean => /^\d{13}$/.test(ean) && checkDigit(ean.slice(0, 12)) === Number(ean[12]);
