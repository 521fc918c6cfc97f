// Who may do what (graph contract, "Who may do what"), in one place. Resolvers call these small
// functions before they read or write anything; every refusal is UNAUTHENTICATED (a token is
// needed and there is none) or FORBIDDEN, and names nothing of anyone else's data.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { orderIdKind, receiptStore } from '../../domain/orders/orderIds';
import type { Order } from '../../domain/types';
import { graphqlError, type System } from '../errors';
import type { Caller, Role } from './caller';

export interface AuthContext {
  caller: Caller | null;
}

/** What the rules ask the identity store: a merged customer id still names its survivor. */
export interface CustomerIds {
  resolve(customerId: string): Promise<string | null>;
  customerOf(system: System, externalId: string): Promise<string | null>;
}

/** A context that can tell who a customer id is (identity, orders, offers). */
export interface IdentityAuthContext extends AuthContext {
  identity: CustomerIds;
}

const unauthenticated = () => graphqlError('UNAUTHENTICATED', 'Sign in: this needs a token');
const forbidden = (message = 'Your role may not do this') => graphqlError('FORBIDDEN', message);

export function requireCaller(ctx: AuthContext): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}

/** One of these roles, or the service role, which may do everything. */
export function requireRole(ctx: AuthContext, ...roles: Role[]): Caller {
  const caller = requireCaller(ctx);
  if (caller.role !== 'service' && !roles.includes(caller.role)) throw forbidden();
  return caller;
}

async function isSelf(ctx: IdentityAuthContext, caller: Caller, customerId: string | null): Promise<boolean> {
  if (caller.role !== 'customer' || customerId === null) return false;
  const current = async (id: string) => (await ctx.identity.resolve(id)) ?? id;
  return (await current(customerId)) === (await current(caller.sub));
}

/** A customer's data, or acting for them: staff and services may, a customer only for itself. No customer named: nothing to check. */
export async function assertCustomerAccess(ctx: IdentityAuthContext, customerId: string | null | undefined): Promise<void> {
  if (customerId == null) return;
  const caller = requireCaller(ctx);
  if (caller.role === 'customer' && !(await isSelf(ctx, caller, customerId))) throw forbidden('A customer may see and act for itself only');
}

/** The customer fields store staff do not see: call center cases and the cross-channel journey. */
export function assertFullCustomerView(ctx: AuthContext): void {
  if (requireCaller(ctx).role === 'store') throw forbidden('Store staff do not see this part of a customer');
}

/** The call center's internal notes (why an agent granted a goodwill): agents and services read them, customers and store staff null. */
export function internalNoteFor(ctx: AuthContext, note: string): string | null {
  const role = ctx.caller?.role;
  return role === 'agent' || role === 'service' ? note : null;
}

/** A store's own shelf prices and returns: store staff of that store (not every store at once). */
export function assertStoreAccess(ctx: AuthContext, storeId: string | null | undefined): void {
  const caller = requireRole(ctx, 'store');
  if (caller.role === 'store' && storeId !== caller.storeId) throw forbidden('Store staff act for their own store only');
}

const orderStore = (order: Pick<Order, 'fulfillment'>) => order.fulfillment.storeId;

type ReadableOrder = Pick<Order, 'channel' | 'fulfillment' | 'owner'>;

/**
 * An order is read by staff and services, by the customer who placed it, and by staff of a store
 * that may take it back: any store for a web or phone order, the store that sold it for a store sale.
 */
function mayRead(caller: Caller | null, order: ReadableOrder, callerOwnsIt: boolean): boolean {
  if (!caller) return false;
  switch (caller.role) {
    case 'service':
    case 'agent':
      return true;
    case 'store':
      return order.channel !== 'STORE' || orderStore(order) === caller.storeId;
    case 'customer':
      return callerOwnsIt;
  }
}

/** Whether the caller may read the order, whose owner is its legacy record's. */
export async function mayReadOrder(ctx: IdentityAuthContext, order: ReadableOrder): Promise<boolean> {
  const { caller } = ctx;
  const owner = async () => order.owner && (await ctx.identity.customerOf(order.owner.system, order.owner.externalId));
  return mayRead(caller, order, caller?.role === 'customer' && (await isSelf(ctx, caller, await owner())));
}

/** Which of one customer's orders the caller may read, with one look-up for them all (a customer's orders list). */
export async function ordersReadableOf(ctx: IdentityAuthContext, ownerId: string): Promise<(order: ReadableOrder) => boolean> {
  const { caller } = ctx;
  const callerOwnsThem = caller?.role === 'customer' && (await isSelf(ctx, caller, ownerId));
  return (order) => mayRead(caller, order, callerOwnsThem);
}

/** An order that does not exist, as it would be read: nobody's, in the channel (and store) its id names. */
const nobodysOrder = (orderId: string): ReadableOrder =>
  orderIdKind(orderId) === 'web'
    ? { channel: 'WEB', fulfillment: { type: 'HOME_DELIVERY', storeId: null, address: null }, owner: null }
    : { channel: 'STORE', fulfillment: { type: 'IN_STORE', storeId: receiptStore(orderId), address: null }, owner: null };

/**
 * An order asked for by id (`found` null: it does not exist). One the caller may not read and one
 * that does not exist answer the same FORBIDDEN, so that no caller learns which ids are taken; a
 * missing order is left to be null (NOT_FOUND) for callers who could have read it.
 */
export async function assertOrderAccess(ctx: IdentityAuthContext, orderId: string, found: ReadableOrder | null): Promise<void> {
  requireCaller(ctx);
  if (!(await mayReadOrder(ctx, found ?? nobodysOrder(orderId)))) throw forbidden('This order is not yours to see');
}

type Channel = Order['channel'];
/** The channel each role places orders in: a customer on the web, an agent on the phone, staff in their store. */
const ORDER_CHANNEL: Record<Exclude<Role, 'service'>, Channel> = { customer: 'WEB', agent: 'CALL_CENTER', store: 'STORE' };

export async function assertMayPlaceOrder(
  ctx: IdentityAuthContext,
  input: { channel: Channel; customerId: string; fulfillment: { storeId?: string | null } },
): Promise<void> {
  const caller = requireCaller(ctx);
  if (caller.role === 'service') return;
  if (input.channel !== ORDER_CHANNEL[caller.role])
    throw forbidden(`The ${caller.role} role places ${ORDER_CHANNEL[caller.role]} orders only`);
  await assertCustomerAccess(ctx, input.customerId);
  if (caller.role === 'store') assertStoreAccess(ctx, input.fulfillment.storeId);
}

/**
 * A click-and-collect order is handed over by staff of its pickup store: any other order is
 * refused before anything of it (delivered home, say) is told. An unknown order is left to be
 * NOT_FOUND: staff read every web order anyway.
 */
export async function assertMayCollect(ctx: AuthContext, order: () => Promise<Pick<Order, 'fulfillment'> | null>): Promise<void> {
  const caller = requireRole(ctx, 'store');
  if (caller.role !== 'store') return;
  const found = await order();
  if (found && (found.fulfillment.type !== 'STORE_PICKUP' || orderStore(found) !== caller.storeId))
    throw forbidden('Store staff hand over the pickups of their own store only');
}

/**
 * Returns are taken by the call center, or by staff in their own store of an order they may read
 * (one rule for both, an unknown order answered as the order read would be).
 */
export async function assertMayReturn(
  ctx: IdentityAuthContext,
  storeId: string,
  orderId: string,
  order: () => Promise<ReadableOrder | null>,
): Promise<void> {
  if (requireRole(ctx, 'agent', 'store').role !== 'store') return;
  assertStoreAccess(ctx, storeId);
  await assertOrderAccess(ctx, orderId, await order());
}

/** j***@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/** +33******78: the country and the last two digits, never the length. */
export function maskPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone);
  const country = parsed ? `+${parsed.countryCallingCode}` : '';
  return `${country}******${phone.slice(-2)}`;
}

/** Store staff see a customer's contact details masked. */
export function contactFor(ctx: AuthContext, value: string | null, mask: (value: string) => string): string | null {
  return value !== null && ctx.caller?.role === 'store' ? mask(value) : value;
}
