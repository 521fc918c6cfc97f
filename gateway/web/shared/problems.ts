// What went wrong with an answer, as the pages show it: the legacy systems that did not answer
// (SYSTEM_UNAVAILABLE's extensions.system), apart from every other error.
import type { CombinedError } from 'urql';

export interface Problems {
  /** the legacy systems named unavailable, each once */
  missingSystems: string[];
  /** every other error's message */
  messages: string[];
}

export function problemsOf(error: CombinedError | undefined): Problems {
  const missing = new Set<string>();
  const messages: string[] = [];
  if (error?.networkError) messages.push(`The graph did not answer: ${error.networkError.message}`);
  for (const e of error?.graphQLErrors ?? []) {
    const system = e.extensions?.system;
    if (e.extensions?.code === 'SYSTEM_UNAVAILABLE' && typeof system === 'string') missing.add(system);
    else if (!messages.includes(e.message)) messages.push(e.message);
  }
  return { missingSystems: [...missing].sort(), messages };
}
