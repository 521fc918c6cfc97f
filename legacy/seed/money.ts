/** The e-shop's two-decimal string ("19.99") for an amount in integer cents. */
export const decimal = (cents: number): string => (cents / 100).toFixed(2);

/** Loyalty earns one point per whole euro paid. */
export const pointsFor = (cents: number): number => Math.floor(cents / 100);
