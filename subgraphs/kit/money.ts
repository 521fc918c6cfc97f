// The contract's Money: integer cents, always EUR (every legacy system is in EUR).
export const money = (centAmount: number) => ({ centAmount, currencyCode: 'EUR' });
