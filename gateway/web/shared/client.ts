// The one GraphQL client of the pages: urql over the public /graphql endpoint, with the caller's token.
import { Client, cacheExchange, fetchExchange } from 'urql';

export function graphClient(token: string): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // POST, as every client of the gateway: its CSRF prevention refuses a GET without a preflight header
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    // the customer's data changes behind the cache (orders placed, cases opened): ask again, show the cached answer meanwhile
    requestPolicy: 'cache-and-network',
  });
}
