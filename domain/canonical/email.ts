// Loyalty and the CRM keep emails as typed (mixed case, stray spaces); matching needs one form.

export function normalizeEmail(text: string | null | undefined): string | null {
  const email = text?.trim().toLowerCase();
  return email ? email : null;
}
