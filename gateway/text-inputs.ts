// Text a client sends, in its variables and in its document's string literals, holds no control
// character but tab and line breaks (CONTROL_IN_TEXT): a search, a key or a promo code holding a NUL
// failed INTERNAL in PostgreSQL. Refused here, once for every field, before anything runs; the
// domain refuses it again in the text it writes to a system (checkedText), whatever the gateway.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { CONTROL_IN_TEXT } from '../domain/canonical/text';
import { graphqlError } from '../platform/errors';

/** a key as a path may name it: a GraphQL name (a client's own keys go no further into the message) */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Where the first string under `value` holding a control character is (`$i.lines[0].sku`), or null.
 * Walked with a stack of its own: JSON nested thousands deep fits in a small body.
 */
function controlCharacterIn(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (CONTROL_IN_TEXT.test(item)) return path;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${path}[${i}]`]);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, inner] of Object.entries(item)) stack.push([inner, NAME.test(key) ? `${path}.${key}` : `${path}.…`]);
    }
  }
  return null;
}

function literalHoldsControl(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (CONTROL_IN_TEXT.test(node.value)) found = true;
    },
  });
  return found;
}

const refused = (where: string) =>
  graphqlError('BAD_USER_INPUT', `Text may not hold control characters (U+0000 to U+001F) other than tab and line breaks: ${where}`, {
    http: { status: 400 },
  });

export function textInputsPlugin(): ApolloServerPlugin {
  // Apollo hands every request of one query the same parsed document: its literals are read once
  const literalsChecked = new WeakMap<DocumentNode, boolean>();
  const listener: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ document, request }) {
      let inLiterals = literalsChecked.get(document);
      if (inLiterals === undefined) literalsChecked.set(document, (inLiterals = literalHoldsControl(document)));
      if (inLiterals) throw refused('in a string of the document');
      for (const [name, value] of Object.entries(request.variables ?? {})) {
        const found = controlCharacterIn(value, NAME.test(name) ? `$${name}` : '$…');
        if (found) throw refused(`in ${found}`);
      }
    },
  };
  return { requestDidStart: async () => listener };
}
