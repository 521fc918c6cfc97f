import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { toE164 } from '../../domain/canonical/phone';
import { normalizeCard } from '../../domain/canonical/card';
import { normalizeEmail } from '../../domain/canonical/email';
import type { PersonRecord } from '../../domain/types';
import { badInput, graphqlError, LegacyUnavailableError, notFound, type System } from '../../platform/errors';
import { settledWithin } from '../../platform/http/deadline';
import { actorOf, unwrap } from '../kit/server';
import { assertCustomerAccess, contactFor, maskEmail, maskPhone, requireCaller, requireRole } from '../../platform/auth/rules';
import type { DiscoveryResult, SearchKey } from '../../domain/identity/discovery';
import type { IdentityContext } from './context';
import type { IdentityKey, LegacySystem, QueryFindCustomersArgs, Resolvers } from './generated';
import type { LinkKey } from '../../domain/identity/match';
import type { RecordRef } from '../../domain/identity/store';
import type { CustomerModel } from './model';
import { fromGraphSystem, toGraphSystem } from '../kit/legacy-system';

/** Which system's value a customer shows when its records disagree. */
const NAME_PRIORITY: System[] = ['loyalty', 'eshop', 'crm'];
const EMAIL_PRIORITY: System[] = ['eshop', 'loyalty', 'crm'];
const PHONE_PRIORITY: System[] = ['loyalty', 'crm', 'eshop'];

function pick(c: CustomerModel, field: keyof PersonRecord, priority: System[]): string | null {
  for (const system of priority) {
    const value = c.records.find((r) => r.system === system && r[field])?.[field];
    if (typeof value === 'string') return value;
  }
  return null;
}

function searchKeys(args: QueryFindCustomersArgs): SearchKey[] {
  const keys: SearchKey[] = [];
  if (args.phone != null) {
    const phone = toE164(args.phone);
    if (!phone) throw badInput('phone is not a valid phone number');
    keys.push({ kind: 'phone', value: phone });
  }
  if (args.email != null) {
    const email = normalizeEmail(args.email);
    if (!email || !email.includes('@')) throw badInput('email is not a valid email address');
    keys.push({ kind: 'email', value: email });
  }
  if (args.loyaltyCard != null) {
    const card = normalizeCard(args.loyaltyCard);
    if (!card) throw badInput('loyaltyCard must have 16 digits');
    keys.push({ kind: 'card', value: card });
  }
  if (args.name != null) {
    const name = args.name.trim();
    if (name.length < 2 || name.length > 100) throw badInput('name must have 2 to 100 characters');
    keys.push({ kind: 'name', value: name });
  }
  if (keys.length === 0) throw badInput('Give at least one of phone, email, loyaltyCard, name');
  return keys;
}

/** A silo that failed during discovery: the answer may miss its records, and says so. */
function reportFailures(ctx: IdentityContext, { failed }: DiscoveryResult, info: GraphQLResolveInfo) {
  for (const system of failed) {
    ctx.partial.add(new LegacyUnavailableError(system, 'during customer discovery'), responsePathAsArray(info.path));
  }
}

/** A look-up by phone or name before the index has read the e-shop's accounts to the end. */
function notIndexedYet(ctx: IdentityContext, info: GraphQLResolveInfo) {
  const message =
    "The e-shop's accounts are not all indexed yet (the identity index is reading them, or will again shortly): " +
    'whoever only the e-shop holds may be missing from a search by phone or name';
  ctx.partial.add(graphqlError('SYSTEM_UNAVAILABLE', message, { system: 'eshop' }), responsePathAsArray(info.path));
}

const identityOf = (r: RecordRef) => ({ system: toGraphSystem(r.system), externalId: r.externalId });

const KEY_OF: Record<LinkKey, IdentityKey> = {
  email: 'EMAIL',
  card: 'LOYALTY_CARD',
  phone: 'PHONE',
  firstName: 'FIRST_NAME',
  lastName: 'LAST_NAME',
};

/** A legacy id as an agent types it: a card in groups of four (as the POS prints it) is still the card. */
const typedId = (system: LegacySystem, externalId: string) =>
  system === 'LOYALTY' ? (normalizeCard(externalId) ?? externalId.trim()) : externalId.trim();

/** An agent links a record the store may never have seen (a typo in an email): read it first. */
async function knownRecord(ctx: IdentityContext, system: LegacySystem, externalId: string, info: GraphQLResolveInfo) {
  if (system === 'POS') throw badInput('The POS holds no customer records: link the loyalty card');
  if (!(await ctx.store.customerOf(fromGraphSystem(system), externalId))) {
    reportFailures(ctx, await ctx.discovery.discoverRecord(fromGraphSystem(system), externalId), info);
  }
}

async function current(ctx: IdentityContext, id: string) {
  const customer = await ctx.customerById.load(id);
  if (!customer) throw notFound(`Unknown customer ${id}`);
  return customer;
}

export const resolvers: Resolvers = {
  Mutation: {
    observeRecords: async (_, { records }, ctx) => {
      requireRole(ctx);
      await ctx.store.observe(
        records.map((r) => ({
          system: fromGraphSystem(r.system),
          externalId: r.externalId,
          firstName: r.firstName ?? null,
          lastName: r.lastName ?? null,
          email: r.email ?? null,
          phone: r.phone ?? null,
          card: r.card ?? null,
          createdAt: r.createdAt ?? null,
        })),
      );
      return records.length;
    },
    linkIdentity: async (_, { customerId, system, externalId: typed }, ctx, info) => {
      requireRole(ctx, 'agent');
      const externalId = typedId(system, typed);
      await current(ctx, customerId);
      await knownRecord(ctx, system, externalId, info);
      const id = await ctx.store.link(customerId, fromGraphSystem(system), externalId, actorOf(ctx));
      ctx.customerById.clearAll();
      return current(ctx, id);
    },
    unlinkIdentity: async (_, { customerId, system, externalId: typed }, ctx) => {
      requireRole(ctx, 'agent');
      const externalId = typedId(system, typed);
      await current(ctx, customerId);
      await ctx.store.unlink(customerId, fromGraphSystem(system), externalId, actorOf(ctx));
      ctx.customerById.clearAll();
      return current(ctx, customerId);
    },
  },
  Query: {
    customersByIds: async (_, { ids }, ctx) => {
      requireRole(ctx);
      return ctx.customerById.loadMany(ids).then(unwrap);
    },
    customerIdsOfRecords: (_, { records }, ctx) => {
      requireRole(ctx);
      return ctx.store.customersOfRecords(records.map((r) => ({ system: fromGraphSystem(r.system), externalId: r.externalId })));
    },
    customerIdsOfCards: (_, { cards }, ctx) => {
      requireRole(ctx);
      return ctx.store.customersOfCards(cards);
    },
    me: (_, __, ctx) => {
      const caller = requireCaller(ctx);
      return caller.role === 'customer' ? ctx.customerById.load(caller.sub) : null;
    },
    customer: async (_, { id }, ctx) => {
      await assertCustomerAccess(ctx, id);
      return ctx.customerById.load(id);
    },
    findCustomers: async (_, args, ctx, info) => {
      requireRole(ctx, 'agent', 'store');
      const keys = searchKeys(args);
      // Until the index has read the e-shop's accounts to the end, someone only the e-shop holds is
      // not found by phone or name (its live search is by email): wait a while for a pass under
      // way, then answer what the live search finds, and say so.
      const byIndex = keys.some((k) => k.kind === 'phone' || k.kind === 'name');
      if (byIndex && !(await ctx.identityIndex.complete((pass) => settledWithin(pass, ctx.indexWaitMs)))) notIndexedYet(ctx, info);
      const searched = await ctx.discovery.discover(keys);
      // Several criteria narrow the answer: a customer must match each of them.
      const matching = async () => {
        const matches = await Promise.all(keys.map(async (k) => new Set(await ctx.store.find({ [k.kind]: k.value }))));
        return [...matches[0]].filter((id) => matches.every((m) => m.has(id)));
      };
      // The index read records no look-up searched for: their keys lead to the person's records in the other silos.
      const followed = await ctx.discovery.follow([...(await ctx.store.recordsOfMany(await matching())).values()].flat());
      reportFailures(ctx, { failed: new Set([...searched.failed, ...followed.failed]) }, info);
      const ids = await matching();
      const customers = await ctx.customerById.loadMany(ids);
      return customers
        .filter((c): c is CustomerModel => c !== null && !(c instanceof Error))
        .sort(
          (a, b) =>
            (pick(a, 'lastName', NAME_PRIORITY) ?? '').localeCompare(pick(b, 'lastName', NAME_PRIORITY) ?? '') || a.id.localeCompare(b.id),
        );
    },
  },
  Customer: {
    __resolveReference: async (ref, ctx) => {
      await assertCustomerAccess(ctx, ref.id);
      return ctx.customerById.load(ref.id);
    },
    firstName: (c) => pick(c, 'firstName', NAME_PRIORITY),
    lastName: (c) => pick(c, 'lastName', NAME_PRIORITY),
    email: (c, _, ctx) => contactFor(ctx, pick(c, 'email', EMAIL_PRIORITY), maskEmail),
    phone: (c, _, ctx) => contactFor(ctx, pick(c, 'phone', PHONE_PRIORITY), maskPhone),
    identities: (c) => c.records.map(identityOf),
    identityDecisions: (c, _, ctx) => {
      // the decisions name the other customers a record left or joined
      requireRole(ctx, 'agent');
      return ctx.store.decisions(c.id);
    },
  },
  IdentityDecision: {
    action: (d) => (d.action === 'link' ? 'LINK' : 'UNLINK'),
    identity: (d) => identityOf(d.record),
    fromCustomer: async (d, _, ctx) => (d.fromCustomerId === null ? null : current(ctx, d.fromCustomerId)),
    matchedTo: (d) => d.matchedTo && identityOf(d.matchedTo),
    keys: (d) => d.keys.map((k) => KEY_OF[k]),
    toCustomer: async (d, _, ctx) => current(ctx, d.toCustomerId),
  },
  Order: {
    customer: async (order, _, ctx, info) => {
      if (!order.placedBy) return null;
      const system = fromGraphSystem(order.placedBy.system as LegacySystem); // an entity key, typed as the representation's string
      const ref = { system, externalId: order.placedBy.externalId };
      const known = await ctx.customerOfRecord.load(ref);
      if (known) return ctx.customerById.load(known);
      // First time this record is seen: fetch it and follow its keys so that it joins its customer.
      reportFailures(ctx, await ctx.discovery.discoverRecord(system, ref.externalId), info);
      const id = await ctx.customerOfRecord.clear(ref).load(ref);
      return id ? ctx.customerById.load(id) : null;
    },
  },
};
