// Text a client sends, in its variables and in its document's string literals, holds no control
// character but tab and line breaks. PostgreSQL cannot store NUL (U+0000): a search, a key or a
// promo code holding one failed INTERNAL, and a goodwill reason holding one failed once the CRM had
// granted its voucher. The POS speaks XML 1.0, which cannot carry the others at all. Refused here,
// once for every field, before anything runs.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { graphqlError } from '../platform/errors';

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const refused = (where: string) =>
  graphqlError('BAD_USER_INPUT', `Text may not hold control characters (U+0000 to U+001F) other than tab and line breaks: ${where}`, {
    http: { status: 400 },
  });

/** The path (`$input.lines[0].sku`) of the first string under `value` that holds a control character, or null. */
function controlCharacterIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlCharacterIn(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = controlCharacterIn(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function literalHoldsControl(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (CONTROL.test(node.value)) found = true;
    },
  });
  return found;
}

export function textInputsPlugin(): ApolloServerPlugin {
  // Apollo hands every request of one query the same parsed document: its literals are read once
  const literalsChecked = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let inLiterals = literalsChecked.get(document);
          if (inLiterals === undefined) literalsChecked.set(document, (inLiterals = literalHoldsControl(document)));
          if (inLiterals) throw refused('in a string of the document');
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const found = controlCharacterIn(value, `$${name}`);
            if (found) throw refused(`in ${found}`);
          }
        },
      };
    },
  };
}
