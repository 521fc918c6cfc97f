// Promo codes as people type them: " duo15 " and "DUO15" are the same code.

export function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

/** The codes given, each once (first spelling kept, trimmed), blanks dropped. */
export function distinctCodes(codes: string[]): string[] {
  const seen = new Map<string, string>();
  for (const code of codes) {
    const key = codeKey(code);
    if (key !== '' && !seen.has(key)) seen.set(key, code.trim());
  }
  return [...seen.values()];
}
