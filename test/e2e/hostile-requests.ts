// Hostile and malformed requests to the gateway, one row each: what is sent, and the HTTP status
// and error code it must get. security.test.ts sends every row, then checks the gateway still
// answers and no legacy system's data changed. A new case is a new row here.
import { SignJWT, UnsecuredJWT } from 'jose';
import { DEV_JWT_SECRET } from '../../platform/config';
import { tokenFor, type As } from './harness';

export interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST';
  /** GET: the query string; POST: the body as sent (default: JSON of `operation`) */
  raw?: string;
  operation?: { query: string; variables?: Record<string, unknown> };
  contentType?: string;
  /** default: the service role, so that what is refused is the request itself, not who sends it */
  as?: As;
  /** the whole Authorization header, instead of a token for `as` */
  authorization?: () => Promise<string>;
  /** extra headers (the CSRF preflight header...) */
  headers?: Record<string, string>;
  /** `message`: how the first error's message starts, for rows whose wording a client reads */
  expect: { status: number; code: string | null; message?: string };
}

/** What the rows need of the seeded data: two customers, a web order (home delivery) and a store sale of the second, that sale's store. */
export interface Fixtures {
  alice: string;
  bob: string;
  bobOrderId: string;
  bobReceiptId: string;
  storeId: string;
  sku: string;
}

const op = (query: string, variables?: Record<string, unknown>) => ({ query, variables });
const bearer = (token: string) => `Bearer ${token}`;
const DEV = new TextEncoder().encode(DEV_JWT_SECRET);
const claims = { sub: 'intruder', role: 'service', iss: 'omnigraph', aud: 'omnigraph-api' };
const sign = (payload: Record<string, unknown>, key = DEV) =>
  new SignJWT({ ...claims, ...payload }).setProtectedHeader({ alg: 'HS256' }).sign(key);
const now = () => Math.floor(Date.now() / 1000);

const INJECTIONS = [
  'ST042"/><pos:stores/>',
  '../../../etc/passwd',
  'ST042%00',
  'ST042\u0000',
  `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`,
  "' OR '1'='1",
  'x'.repeat(10_000),
];
/** what a NUL (or another control character) in any text gets, before anything runs */
const CONTROL_REFUSED = { status: 400, code: 'BAD_USER_INPUT', message: 'Text may not hold control characters' };
const refusedIfNul = (text: string, otherwise: HostileRequest['expect']) => (text.includes('\u0000') ? CONTROL_REFUSED : otherwise);
/** customer -> orders -> order -> customer -> ..., `rounds` times: 4 levels a round */
const deep = (rounds: number) =>
  `{ customer(id: "c") { ${'orders { edges { node { customer { '.repeat(rounds)} id ${'} } } } '.repeat(rounds)} } }`;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: stores { id }`).join(' ')} }`;
const rootFields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: store(id: "ST00${i % 10}") { id }`).join(' ')} }`;
const ORDER_FIELDS = 'id status total { centAmount }';

export function hostileRequests(f: Fixtures): HostileRequest[] {
  const customer = { role: 'customer', sub: f.alice } as const;
  const clerk = { role: 'store', sub: 'clerk', storeId: f.storeId } as const;
  const otherClerk = { role: 'store', sub: 'clerk-2', storeId: f.storeId === 'ST001' ? 'ST002' : 'ST001' } as const;
  /** a sale of the fixtures' store that was never made: refused as the sales that were */
  const missingSale = `${f.storeId}-20000101-9999`;
  const returnOf = (orderId: string) =>
    op(`mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { id } }`, {
      i: { orderId, storeId: otherClerk.storeId, lines: [{ sku: f.sku, quantity: 1 }], idempotencyKey: `hostile-return-${orderId}` },
    });
  const placeFor = (customerId: string, channel: string) =>
    op(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ${ORDER_FIELDS} } }`, {
      i: {
        channel,
        customerId,
        lines: [{ sku: f.sku, quantity: 1 }],
        fulfillment: { type: 'HOME_DELIVERY', address: { street: '1 rue X', zip: '75001', city: 'Paris' } },
        idempotencyKey: `hostile-${channel}-${customerId}`,
      },
    });
  return [
    // ---- the HTTP request itself
    {
      name: 'a body that is not JSON',
      raw: '{"query": "{ stores { id } }"',
      expect: { status: 400, code: 'BAD_USER_INPUT', message: 'The request body is not valid JSON (' },
    },
    { name: 'a JSON string', raw: '"{ stores { id } }"', expect: { status: 400, code: 'BAD_USER_INPUT' } },
    { name: 'a JSON number', raw: '42', expect: { status: 400, code: 'BAD_USER_INPUT' } },
    {
      name: 'a JSON null',
      raw: 'null',
      expect: { status: 400, code: 'BAD_USER_INPUT', message: 'The request body must be a JSON object with a query' },
    },
    { name: 'no query', raw: '{"variables": {}}', expect: { status: 400, code: 'BAD_REQUEST' } },
    { name: 'a query that is not a string', raw: '{"query": {"$ne": null}}', expect: { status: 400, code: 'BAD_REQUEST' } },
    {
      name: 'variables that are not an object',
      raw: '{"query": "{ stores { id } }", "variables": "x"}',
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    {
      name: 'a body over the size limit',
      raw: JSON.stringify({ query: `{ stores { id } } # ${'x'.repeat(200_000)}` }),
      expect: { status: 413, code: 'OPERATION_TOO_COMPLEX' },
    },
    {
      name: 'a simple-content-type POST (CSRF)',
      raw: '{"query": "{ stores { id } }"}',
      contentType: 'text/plain',
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    {
      name: 'a form POST (CSRF)',
      raw: 'query=%7B%20stores%20%7B%20id%20%7D%20%7D',
      contentType: 'application/x-www-form-urlencoded',
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    {
      name: 'a GET without the preflight header (CSRF)',
      method: 'GET',
      raw: 'query=%7B%20stores%20%7B%20id%20%7D%20%7D',
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    {
      name: 'a mutation over GET',
      method: 'GET',
      raw: `query=${encodeURIComponent('mutation { refreshPricing }')}`,
      headers: { 'apollo-require-preflight': 'true' },
      expect: { status: 405, code: 'BAD_REQUEST' },
    },
    {
      name: 'a batch of more than MAX_BATCH operations',
      raw: JSON.stringify(Array.from({ length: 6 }, () => op('{ stores { id } }'))),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' },
    },

    // ---- documents
    { name: 'a syntax error', operation: op('{ stores { id '), expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' } },
    { name: 'an unknown field', operation: op('{ stores { id password } }'), expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } },
    {
      name: 'more tokens than MAX_TOKENS',
      operation: op(`{ stores { ${'id '.repeat(3000)} } }`),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' },
    },
    {
      name: 'a query deeper than MAX_DEPTH',
      operation: op(deep(4)),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX', message: 'Query depth limit of 12 exceeded' },
    },
    {
      // under MAX_TOKENS, but more overlapping fields than graphql-js compares
      name: 'a field repeated a thousand times',
      raw: JSON.stringify({ query: `{ stores { ${Array(990).fill('id').join(' ')} } }` }),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX', message: 'The operation repeats or overlaps its fields too often' },
    },
    {
      name: 'two operations and no operationName',
      raw: JSON.stringify({ query: 'query A { stores { id } } query B { categories }' }),
      expect: { status: 400, code: 'BAD_USER_INPUT', message: 'The document has several operations: name the one to run in operationName' },
    },
    { name: 'an alias flood', operation: op(aliases(40)), expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' } },
    { name: 'too many root fields', operation: op(rootFields(20)), expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' } },
    {
      name: 'too many directives',
      operation: op(`{ stores { id ${'@include(if: true) '.repeat(30)} } }`),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' },
    },
    {
      name: 'a list of 10 000 items',
      operation: op('{ products(first: 10000) { edges { node { sku name price { centAmount } } } } }'),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' },
    },
    {
      name: 'lists that multiply (every store of 200 products)',
      operation: op(
        'query($n: Int) { products(first: $n) { edges { node { sku stockByStore { available store { id name openingHours { day opens closes } } } } } } }',
        { n: 200 },
      ),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' },
    },
    {
      name: 'lists that multiply, their size in a variable default and no variables sent',
      operation: op(
        'query($n: Int = 100) { products(first: $n) { edges { node { sku stockByStore { available store { id name openingHours { day opens closes } } } } } } }',
      ),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' },
    },
    {
      name: 'a fragment cycle',
      operation: op('{ stores { ...a } } fragment a on Store { id ...b } fragment b on Store { ...a }'),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    // a subscription: the graph serves none, and says so before anything runs
    { name: 'a subscription', operation: op('subscription { __typename }'), expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } },
    {
      name: 'an unknown operation name',
      raw: JSON.stringify({ query: '{ stores { id } }', operationName: 'nope' }),
      expect: { status: 400, code: 'BAD_USER_INPUT', message: 'The document has no operation named nope' },
    },
    {
      name: 'depth hidden in fragments',
      operation: op(
        `{ customer(id: "c") { ...a } } fragment a on Customer { orders { edges { node { customer { ...b } } } } } fragment b on Customer { orders { edges { node { customer { ...c } } } } } fragment c on Customer { orders { edges { node { customer { id } } } } }`,
      ),
      expect: { status: 400, code: 'OPERATION_TOO_COMPLEX' },
    },

    // ---- tokens
    {
      name: 'an expired token',
      operation: op('{ stores { id } }'),
      authorization: async () => bearer(await sign({ exp: now() - 60 })),
      expect: { status: 401, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'a token not valid yet',
      operation: op('{ stores { id } }'),
      authorization: async () => bearer(await sign({ exp: now() + 600, nbf: now() + 300 })),
      expect: { status: 401, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'a token of another secret',
      operation: op('{ stores { id } }'),
      authorization: async () => bearer(await sign({ exp: now() + 60 }, new TextEncoder().encode('guessed-secret-guessed-secret-guessed'))),
      expect: { status: 401, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'an unsigned token (alg none)',
      operation: op('{ stores { id } }'),
      authorization: async () => bearer(new UnsecuredJWT(claims).setExpirationTime('1h').encode()),
      expect: { status: 401, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'a token of another audience',
      operation: op('{ stores { id } }'),
      authorization: async () => bearer(await sign({ exp: now() + 60, aud: 'another-api' })),
      expect: { status: 401, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'a token with a made-up role',
      operation: op('{ stores { id } }'),
      authorization: async () => bearer(await sign({ exp: now() + 60, role: 'admin' })),
      expect: { status: 401, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'a token whose payload was edited',
      operation: op('{ stores { id } }'),
      authorization: async () => {
        const [head, , sig] = (await tokenFor({ role: 'customer', sub: f.alice })).split('.');
        return bearer([head, Buffer.from(JSON.stringify({ ...claims, exp: now() + 60 })).toString('base64url'), sig].join('.'));
      },
      expect: { status: 401, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'a valid token under a lower-case scheme (RFC 7235: any case)',
      operation: op('{ findCustomers(name: "Martin") { id } }'),
      authorization: async () => `bearer ${await sign({ exp: now() + 60 })}`,
      expect: { status: 200, code: null },
    },
    {
      name: 'a Basic authorization',
      operation: op('{ stores { id } }'),
      authorization: async () => 'Basic YWRtaW46YWRtaW4=',
      expect: { status: 401, code: 'UNAUTHENTICATED', message: 'Authorization must be "Bearer <JWT>"' },
    },
    {
      name: 'a bearer that is no JWT',
      operation: op('{ stores { id } }'),
      authorization: async () => 'Bearer abc.def',
      expect: { status: 401, code: 'UNAUTHENTICATED', message: 'The token is not valid' },
    },
    {
      name: "the subgraphs' header sent to the gateway",
      operation: op('{ findCustomers(name: "Martin") { id } }'),
      as: null,
      headers: { 'x-omnigraph-caller': 'eyJhbGciOiJub25lIn0.eyJjYWxsZXIiOnsicm9sZSI6InNlcnZpY2UiLCJzdWIiOiJ4In19.' },
      expect: { status: 200, code: 'UNAUTHENTICATED' },
    },

    // ---- who may do what
    {
      name: 'customer data without a token',
      operation: op(`{ customer(id: "${f.bob}") { email } }`),
      as: null,
      expect: { status: 200, code: 'UNAUTHENTICATED' },
    },
    {
      name: "another customer's record",
      operation: op(`{ customer(id: "${f.bob}") { email phone } }`),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "another customer's order",
      operation: op(`{ order(id: "${f.bobOrderId}") { ${ORDER_FIELDS} } }`),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    // the existence oracle: an order that is not the caller's and one that does not exist answer alike
    {
      name: 'an order that does not exist, to a customer',
      operation: op(`{ order(id: "W-2000-999999") { ${ORDER_FIELDS} } }`),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "another store's sale, to store staff",
      operation: op(`{ order(id: "${f.bobReceiptId}") { ${ORDER_FIELDS} } }`),
      as: otherClerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "another store's sale that does not exist, to store staff",
      operation: op(`{ order(id: "${missingSale}") { ${ORDER_FIELDS} } }`),
      as: otherClerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "a return of another store's sale",
      operation: returnOf(f.bobReceiptId),
      as: otherClerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "a return of another store's sale that does not exist",
      operation: returnOf(missingSale),
      as: otherClerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'a hand-over of an order delivered home, by store staff',
      operation: op(`mutation { collectOrder(id: "${f.bobOrderId}") { id } }`),
      as: otherClerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'a quote for another customer',
      operation: op(`query($i: QuoteInput!) { quote(input: $i) { total { centAmount } } }`, {
        i: { channel: 'WEB', customerId: f.bob, lines: [{ sku: f.sku, quantity: 1 }] },
      }),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "another customer's offer",
      operation: op(`{ product(sku: "${f.sku}") { offer(channel: WEB, customerId: "${f.bob}") { price { centAmount } } } }`),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'an order placed for another customer',
      operation: placeFor(f.bob, 'WEB'),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'an order placed without a token',
      operation: placeFor(f.alice, 'WEB'),
      as: null,
      expect: { status: 200, code: 'UNAUTHENTICATED' },
    },
    {
      name: 'a phone order placed by store staff',
      operation: placeFor(f.bob, 'CALL_CENTER'),
      as: clerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'identity decisions (naming other customers) read by a customer',
      operation: op('{ me { identityDecisions { toCustomer { email } } } }'),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'a customer search by a customer',
      operation: op('{ findCustomers(name: "Martin") { id } }'),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'goodwill granted by a customer',
      operation: op(`mutation { grantGoodwill(customerId: "${f.alice}", amount: 50000, reason: "me") { code } }`),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'an identity link by store staff',
      operation: op(`mutation { linkIdentity(customerId: "${f.alice}", system: CRM, externalId: "C-000001") { id } }`),
      as: clerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'an order cancelled by a customer',
      operation: op(`mutation { cancelOrder(id: "${f.bobOrderId}", idempotencyKey: "hostile-cancel") { id } }`),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "another store's shelves synced",
      operation: op('mutation { syncShelfPrices(storeId: "ST999", dryRun: false) { store { id } } }'),
      as: clerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: "every store's shelves by store staff",
      operation: op('{ priceDiscrepancies { totalCount } }'),
      as: clerk,
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'the pricing cache dropped by an agent',
      operation: op('mutation { refreshPricing }'),
      as: 'agent',
      expect: { status: 200, code: 'FORBIDDEN' },
    },
    {
      name: 'the ROPO report by a customer',
      operation: op('{ ropoReport(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { ropoRate } }'),
      as: customer,
      expect: { status: 200, code: 'FORBIDDEN' },
    },

    // ---- injection strings in what reaches the legacy systems (URLs, XML bodies, searches)
    ...INJECTIONS.map((id): HostileRequest => ({
      name: `store(id: ${JSON.stringify(id.slice(0, 30))})`,
      operation: op('query($id: ID!) { store(id: $id) { id } }', { id }),
      expect: refusedIfNul(id, { status: 200, code: 'BAD_USER_INPUT' }),
    })),
    ...INJECTIONS.map((storeId): HostileRequest => ({
      name: `syncShelfPrices(storeId: ${JSON.stringify(storeId.slice(0, 30))}, dryRun: false)`,
      operation: op('mutation($s: ID!) { syncShelfPrices(storeId: $s, dryRun: false) { store { id } } }', { s: storeId }),
      expect: refusedIfNul(storeId, { status: 200, code: 'BAD_USER_INPUT' }),
    })),
    ...INJECTIONS.map((sku): HostileRequest => ({
      name: `product(sku: ${JSON.stringify(sku.slice(0, 30))})`,
      operation: op('query($s: ID!) { product(sku: $s) { sku } }', { s: sku }),
      expect: refusedIfNul(sku, { status: 200, code: sku.length > 64 ? 'BAD_USER_INPUT' : null }),
    })),
    ...INJECTIONS.map((id): HostileRequest => ({
      name: `order(id: ${JSON.stringify(id.slice(0, 30))})`,
      operation: op('query($id: ID!) { order(id: $id) { id } }', { id }),
      expect: refusedIfNul(id, { status: 200, code: 'BAD_USER_INPUT' }),
    })),
    // custom scalars: the gateway's schema must parse them as the subgraphs do, or a bad value is a subgraph's 400
    {
      name: 'a DateTime literal that is not a date',
      operation: op('{ store(id: "ST001") { isOpen(at: "garbage") } }'),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'a DateTime literal that is a number',
      operation: op('{ store(id: "ST001") { isOpen(at: 1700000000) } }'),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'a DateTime variable that is not a date',
      operation: op('query($at: DateTime) { store(id: "ST001") { isOpen(at: $at) } }', { at: '2026-13-45T99:00:00Z' }),
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a DateTime variable that is an object',
      operation: op('query($f: DateTime!) { ropoReport(from: $f, to: "2026-02-01T00:00:00Z") { ropoRate } }', { f: { $gt: '' } }),
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a ROPO report from year 1 to 9999 (an unbounded ingestion)',
      operation: op('{ ropoReport(from: "0001-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z") { ropoRate } }'),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    {
      name: "a SKU of 20 000 characters (past the e-shop's URL limit)",
      operation: op('query($s: ID!) { product(sku: $s) { sku } }', { s: 'x'.repeat(20_000) }),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a page size past 32 bits, as a variable',
      operation: op('query($f: Int) { products(first: $f) { edges { node { sku } } } }', { f: 2147483648 }),
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'an order id that walks up the e-shop URL',
      operation: op('{ order(id: "W-2026-000001/../../customers/A-10001") { id } }'),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a customer search by a 10 000-character name',
      operation: op('query($n: String) { findCustomers(name: $n) { id } }', { n: 'x'.repeat(10_000) }),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a customer search by markup',
      operation: op('{ findCustomers(name: "<script>alert(1)</script>") { id } }'),
      expect: { status: 200, code: null },
    },
    {
      name: 'a customer search by an email with quotes',
      operation: op(`{ findCustomers(email: "\\"a\\"@b.fr') OR 1=1 --") { id } }`),
      expect: { status: 200, code: null },
    },
    {
      name: 'a phone that is markup',
      operation: op('{ findCustomers(phone: "<phone/>") { id } }'),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a catalogue search for markup',
      operation: op('{ products(search: "<x>\\"%00../", first: 5) { totalCount } }'),
      expect: { status: 200, code: null },
    },
    {
      name: 'a customer id that is a path',
      operation: op('{ customer(id: "../../../etc/passwd") { id } }'),
      expect: { status: 200, code: null },
    },
    {
      name: 'a quote with an injected SKU and store',
      operation: op('query($i: QuoteInput!) { quote(input: $i) { total { centAmount } } }', {
        i: { channel: 'STORE', storeId: 'ST042"/>', lines: [{ sku: '<sku/>', quantity: 1 }] },
      }),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a return in a store that is markup',
      operation: op(`mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { id } }`, {
        i: { orderId: f.bobOrderId, storeId: '<store/>', lines: [{ sku: f.sku, quantity: 1 }], idempotencyKey: 'hostile-return-key' },
      }),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a goodwill reason of 100 000 characters',
      operation: op('mutation($r: String!) { grantGoodwill(customerId: "cus_x", amount: 100, reason: $r) { code } }', {
        r: '<'.repeat(90_000),
      }),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
    // PostgreSQL cannot store NUL, the POS's XML cannot carry control characters: refused before anything runs
    {
      name: 'a NUL in a searched email (a variable)',
      operation: op('query($e: String) { findCustomers(email: $e) { id } }', { e: 'ab\u0000@example.com' }),
      as: 'agent',
      expect: CONTROL_REFUSED,
    },
    {
      name: 'a NUL in a promo code, deep in an input',
      operation: op('query($i: QuoteInput!) { quote(input: $i) { total { centAmount } } }', {
        i: { channel: 'WEB', lines: [{ sku: f.sku, quantity: 1 }], promoCodes: ['WELCOME10\u0000'] },
      }),
      as: null,
      expect: {
        status: 400,
        code: 'BAD_USER_INPUT',
        message: 'Text may not hold control characters (U+0000 to U+001F) other than tab and line breaks: in $i.promoCodes[0]',
      },
    },
    {
      name: 'a NUL in a string literal of the document',
      operation: op(`{ customer(id: "${f.alice}\\u0000") { id } }`),
      as: 'agent',
      expect: CONTROL_REFUSED,
    },
    {
      name: 'a goodwill reason with control characters, no idempotency key (the CRM would grant before the reason is stored)',
      operation: op(`mutation($r: String!) { grantGoodwill(customerId: "${f.alice}", amount: 100, reason: $r) { code } }`, {
        r: '\u0000\u001b[31m',
      }),
      as: 'agent',
      expect: CONTROL_REFUSED,
    },
    {
      name: 'a variable nested 10 000 deep (checked without a stack overflow)',
      // written by hand: JSON.stringify overflows on it too
      raw: `{"query":"query($i: QuoteInput!) { quote(input: $i) { total { centAmount } } }","variables":{"i":${'['.repeat(10_000)}"x"${']'.repeat(10_000)}}}`,
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'tabs and line breaks in text (allowed)',
      operation: op('query($i: QuoteInput!) { quote(input: $i) { rejectedPromoCodes { code } } }', {
        i: { channel: 'WEB', lines: [{ sku: f.sku, quantity: 1 }], promoCodes: ['NO\tSUCH\r\nCODE'] },
      }),
      as: null,
      expect: { status: 200, code: null },
    },
    {
      name: 'a goodwill of a negative amount',
      operation: op(`mutation { grantGoodwill(customerId: "${f.alice}", amount: -100, reason: "refund") { code } }`),
      expect: { status: 200, code: 'BAD_USER_INPUT' },
    },
  ];
}
