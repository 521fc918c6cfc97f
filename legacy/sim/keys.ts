// The normalised forms the systems index and match on.

export const digitsOf = (text: string) => text.replace(/\D/g, '');

/** How the CRM and loyalty compare the emails they keep as typed: trimmed, case-insensitive. */
export const foldedEmail = (email: string) => email.trim().toLowerCase();
