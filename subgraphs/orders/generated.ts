import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Order as OrderModel, OrderLine as OrderLineModel } from '../../domain/types';
import { CustomerRef as CustomerRefModel, ReturnModel as ReturnModelModel } from './model';
import { ParkedOperation as ParkedOperationModel } from '../../domain/orders/saga/store';
import { OrdersContext } from './context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  street: Scalars['String']['output'];
  zip: Scalars['String']['output'];
};

export type AddressInput = {
  city: Scalars['String']['input'];
  street: Scalars['String']['input'];
  /** five digits */
  zip: Scalars['String']['input'];
};

export type Channel =
  | 'CALL_CENTER'
  | 'STORE'
  | 'WEB';

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  identities: Array<Identity>;
  /** Every channel merged, newest first. When one system is down, the others' orders with a SYSTEM_UNAVAILABLE error. */
  orders: OrderConnection;
};


export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  channel?: InputMaybe<Channel>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Fulfillment = {
  __typename?: 'Fulfillment';
  address?: Maybe<Address>;
  store?: Maybe<Store>;
  type: FulfillmentType;
};

export type FulfillmentInput = {
  /** HOME_DELIVERY */
  address?: InputMaybe<AddressInput>;
  /** the pickup store (STORE_PICKUP) or the store that sells (STORE channel) */
  storeId?: InputMaybe<Scalars['ID']['input']>;
  type: FulfillmentType;
};

export type FulfillmentType =
  | 'HOME_DELIVERY'
  | 'IN_STORE'
  | 'STORE_PICKUP';

export type Identity = {
  __typename?: 'Identity';
  externalId: Scalars['ID']['output'];
  system: LegacySystem;
};

export type LegacySystem =
  | 'CRM'
  | 'ESHOP'
  | 'LOYALTY'
  | 'POS';

/** A return an operator found made in its silo, as the silo's record of it says. */
export type MadeReturnInput = {
  /**
   * what it refunded, in cents: the e-shop's refund (in euros there) x 100; the POS's refund_cents (for a
   * store sale the till did not refund, what its receipt says was paid is recorded instead, as a
   * return through the graph records it)
   */
  refund: Scalars['Int']['input'];
  /** the silo's id of the return: the e-shop's R-..., the POS's RT-... */
  returnId: Scalars['ID']['input'];
};

export type Money = {
  __typename?: 'Money';
  centAmount: Scalars['Int']['output'];
  currencyCode: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  cancelOrder: Order;
  /**
   * Store staff hand over a click-and-collect order. CONFLICT when the POS's answer was lost, until an
   * operator who checked at the till settles it (sagasNeedingAttention, settleParkedSaga): it may have
   * handed the goods over.
   */
  collectOrder: Order;
  /** Priced by the same engine as quote: a client never sends a price. */
  placeOrder: Order;
  /**
   * Goods bought in any channel, brought back to any store, refunded what was paid for them. CONFLICT
   * for an order cancelled, not paid, or held for pickup and not collected yet (cancel that one); and
   * when the silo's answer was lost, until an operator who checked the silo settles it
   * (sagasNeedingAttention, settleParkedSaga): it may have refunded, and the order takes no other
   * return meanwhile.
   */
  returnOrder: Return;
  /**
   * Service role: settles a parked operation (sagasNeedingAttention) once an operator checked its step
   * in its silo; answers its id. NOT_DONE for a return or hand-over parked before its point of no
   * return: its key may be sent again, and its order takes other operations. DONE for a return found
   * made (with `made`, as its silo's record says: it is recorded, its key answers it, and the steps
   * after it run: the POS takes a web order's goods back, the points are taken back), for a hand-over
   * found made at the till (the order is marked collected, and collectOrder answers it), and for an
   * operation parked past its point of no return, whose parked step the operator did by hand: it
   * stands, as its client was told, and its steps after that one run. For a placeOrder whose undo was
   * parked (a POS return undoing a sale, its answer lost or refused; a cancel refused): DONE when the
   * undo is found done there or was done by hand (a sale then shows CANCELLED), NOT_DONE when it was
   * not (it is tried again); the recovery pass then undoes the rest and closes it failed.
   * BAD_USER_INPUT for any other, for `made` anywhere but a return found made, and for a returnId of
   * the other silo;
   * CONFLICT when it is no longer parked (or parked on another step since it was read), for a returnId
   * recorded for another request, and for a return its step recorded already with another id or
   * refund (settle it with those).
   */
  settleParkedSaga: Scalars['ID']['output'];
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationCollectOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationReturnOrderArgs = {
  input: ReturnOrderInput;
};


export type MutationSettleParkedSagaArgs = {
  found: ParkedSagaFinding;
  id: Scalars['ID']['input'];
  made?: InputMaybe<MadeReturnInput>;
};

export type Order = {
  __typename?: 'Order';
  channel: Channel;
  discount: Money;
  fulfillment: Fulfillment;
  /** W-2026-000123 for web and phone orders, ST042-20261101-0042 for store receipts */
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  placedAt: Scalars['DateTime']['output'];
  /** The legacy record that placed the order: an e-shop account, or the loyalty card on a receipt. */
  placedBy?: Maybe<Identity>;
  promoCodes: Array<Scalars['String']['output']>;
  /**
   * The order's returns with their refunds, oldest first: those made through the graph (returnOrder).
   * The e-shop and the POS take returns but cannot list them, so a return made before go-live or
   * elsewhere is not here (the order's status still says RETURNED), nor one made through the graph
   * whose legacy id was never saved (its saga interrupted before, in a version that did not keep it
   * with the return). Whoever may read the order.
   * Null with one SYSTEM_UNAVAILABLE (database) for every order of a list when they cannot be read,
   * the orders answered.
   */
  returns?: Maybe<Array<Return>>;
  status: OrderStatus;
  total: Money;
};

/** What followed the sale of an order placed through the graph: its hand-over and its returns (subgraphs only: a customer's journey). */
export type OrderAfterSale = {
  __typename?: 'OrderAfterSale';
  collectedAt?: Maybe<Scalars['DateTime']['output']>;
  orderId: Scalars['ID']['output'];
  returns: Array<OrderReturnFact>;
  /** the pickup store, for a hand-over */
  storeId?: Maybe<Scalars['ID']['output']>;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  lineTotal: Money;
  /** Null when the catalogue no longer knows the product. */
  product?: Maybe<Product>;
  quantity: Scalars['Int']['output'];
  unitPrice: Money;
};

export type OrderLineInput = {
  /** 1 to 99 */
  quantity: Scalars['Int']['input'];
  sku: Scalars['ID']['input'];
};

/** A return of an order made through the graph (subgraphs only). */
export type OrderReturnFact = {
  __typename?: 'OrderReturnFact';
  at: Scalars['DateTime']['output'];
  storeId: Scalars['ID']['output'];
};

export type OrderStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'PAID'
  | 'PARTIALLY_RETURNED'
  | 'PLACED'
  | 'READY_FOR_PICKUP'
  | 'RETURNED'
  | 'SHIPPED';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * An order operation (placeOrder, cancelOrder, collectOrder, returnOrder) parked: a legacy system
 * refused one of its steps, or the undo of one, for good, too many times to go on retrying it; or
 * a step that nothing can undo or look for (a return, a hand-over) may have been done, its answer
 * lost. It is left as it stands until an operator settles it; its order takes no other return,
 * cancel or hand-over meanwhile.
 */
export type ParkedSaga = {
  __typename?: 'ParkedSaga';
  /** the operation's key: the client's idempotency key (client:...) or the project's (collect:<order>) */
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  /** the order it was working on, when it knew it */
  order?: Maybe<Order>;
  parkedAt: Scalars['DateTime']['output'];
  reason: SagaRefusal;
  refusals: Scalars['Int']['output'];
  step: Scalars['String']['output'];
};

/** What an operator found of a parked operation's step in its silo. */
export type ParkedSagaFinding =
  /** done there (a return, with made; a hand-over), or done there by hand */
  | 'DONE'
  /** not done there, or undone there by hand */
  | 'NOT_DONE';

export type PlaceOrderInput = {
  channel: Channel;
  customerId: Scalars['ID']['input'];
  fulfillment: FulfillmentInput;
  /** The same key returns the first result and does nothing twice (8 to 200 characters). */
  idempotencyKey: Scalars['String']['input'];
  /** Lines of the same product are priced and ordered as one (quantities summed, at most 99), where it first appears. */
  lines: Array<OrderLineInput>;
  promoCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Product = {
  __typename?: 'Product';
  sku: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Any channel's order: a web or phone order id, or a store receipt id. */
  order?: Maybe<Order>;
  /** Service role, for the other subgraphs: what followed the sale of each order that has something (hand-over, returns). */
  orderAfterSales: Array<OrderAfterSale>;
  /** Service role: the order operations parked for an operator, oldest first. */
  sagasNeedingAttention: Array<ParkedSaga>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderAfterSalesArgs = {
  orderIds: Array<Scalars['ID']['input']>;
};


export type QuerySagasNeedingAttentionArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Return = {
  __typename?: 'Return';
  /** the e-shop return (R-...) of a web order, the POS return (RT-...) of a store sale */
  id: Scalars['ID']['output'];
  lines: Array<ReturnLine>;
  loyaltyPointsReversed: Scalars['Int']['output'];
  order: Order;
  refund: Money;
  store: Store;
};

export type ReturnLine = {
  __typename?: 'ReturnLine';
  product: Product;
  quantity: Scalars['Int']['output'];
};

export type ReturnLineInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['ID']['input'];
};

export type ReturnOrderInput = {
  idempotencyKey: Scalars['String']['input'];
  lines: Array<ReturnLineInput>;
  orderId: Scalars['ID']['input'];
  /** Any store: a web order may be returned in any store. */
  storeId: Scalars['ID']['input'];
};

/** Why a parked saga stopped: the last refusal of its step, or the failure that left it in doubt, in the contract's error codes. */
export type SagaRefusal = {
  __typename?: 'SagaRefusal';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type Store = {
  __typename?: 'Store';
  id: Scalars['ID']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Customer: Customer;
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}> ) );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AddressInput: AddressInput;
  Channel: Channel;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Fulfillment: ResolverTypeWrapper<Fulfillment>;
  FulfillmentInput: FulfillmentInput;
  FulfillmentType: FulfillmentType;
  Identity: ResolverTypeWrapper<Identity>;
  LegacySystem: LegacySystem;
  MadeReturnInput: MadeReturnInput;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderAfterSale: ResolverTypeWrapper<OrderAfterSale>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderLine: ResolverTypeWrapper<OrderLineModel>;
  OrderLineInput: OrderLineInput;
  OrderReturnFact: ResolverTypeWrapper<OrderReturnFact>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ParkedSaga: ResolverTypeWrapper<ParkedOperationModel>;
  ParkedSagaFinding: ParkedSagaFinding;
  PlaceOrderInput: PlaceOrderInput;
  Product: ResolverTypeWrapper<Product>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Return: ResolverTypeWrapper<ReturnModelModel>;
  ReturnLine: ResolverTypeWrapper<ReturnLine>;
  ReturnLineInput: ReturnLineInput;
  ReturnOrderInput: ReturnOrderInput;
  SagaRefusal: ResolverTypeWrapper<SagaRefusal>;
  Store: ResolverTypeWrapper<Store>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  String: Scalars['String']['output'];
  AddressInput: AddressInput;
  Customer: CustomerRefModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  Fulfillment: Fulfillment;
  FulfillmentInput: FulfillmentInput;
  Identity: Identity;
  MadeReturnInput: MadeReturnInput;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  OrderAfterSale: OrderAfterSale;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderLine: OrderLineModel;
  OrderLineInput: OrderLineInput;
  OrderReturnFact: OrderReturnFact;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  ParkedSaga: ParkedOperationModel;
  PlaceOrderInput: PlaceOrderInput;
  Product: Product;
  Query: Record<PropertyKey, never>;
  Return: ReturnModelModel;
  ReturnLine: ReturnLine;
  ReturnLineInput: ReturnLineInput;
  ReturnOrderInput: ReturnOrderInput;
  SagaRefusal: SagaRefusal;
  Store: Store;
}>;

export type AddressResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FulfillmentResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Fulfillment'] = ResolversParentTypes['Fulfillment']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Store']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['FulfillmentType'], ParentType, ContextType>;
}>;

export type IdentityResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Identity'] = ResolversParentTypes['Identity']> = ResolversObject<{
  externalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['LegacySystem'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  centAmount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id' | 'idempotencyKey'>>;
  collectOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationCollectOrderArgs, 'id'>>;
  placeOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  returnOrder?: Resolver<ResolversTypes['Return'], ParentType, ContextType, RequireFields<MutationReturnOrderArgs, 'input'>>;
  settleParkedSaga?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationSettleParkedSagaArgs, 'found' | 'id'>>;
}>;

export type OrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fulfillment?: Resolver<ResolversTypes['Fulfillment'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  placedBy?: Resolver<Maybe<ResolversTypes['Identity']>, ParentType, ContextType>;
  promoCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  returns?: Resolver<Maybe<Array<ResolversTypes['Return']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type OrderAfterSaleResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderAfterSale'] = ResolversParentTypes['OrderAfterSale']> = ResolversObject<{
  collectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  returns?: Resolver<Array<ResolversTypes['OrderReturnFact']>, ParentType, ContextType>;
  storeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type OrderReturnFactResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderReturnFact'] = ResolversParentTypes['OrderReturnFact']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  storeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ParkedSagaResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ParkedSaga'] = ResolversParentTypes['ParkedSaga']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  parkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['SagaRefusal'], ParentType, ContextType>;
  refusals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = ResolversObject<{
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orderAfterSales?: Resolver<Array<ResolversTypes['OrderAfterSale']>, ParentType, ContextType, RequireFields<QueryOrderAfterSalesArgs, 'orderIds'>>;
  sagasNeedingAttention?: Resolver<Array<ResolversTypes['ParkedSaga']>, ParentType, ContextType, RequireFields<QuerySagasNeedingAttentionArgs, 'first'>>;
}>;

export type ReturnResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Return'] = ResolversParentTypes['Return']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ReturnLine']>, ParentType, ContextType>;
  loyaltyPointsReversed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  refund?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  store?: Resolver<ResolversTypes['Store'], ParentType, ContextType>;
}>;

export type ReturnLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ReturnLine'] = ResolversParentTypes['ReturnLine']> = ResolversObject<{
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SagaRefusalResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['SagaRefusal'] = ResolversParentTypes['SagaRefusal']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StoreResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Store'] = ResolversParentTypes['Store']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = OrdersContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Fulfillment?: FulfillmentResolvers<ContextType>;
  Identity?: IdentityResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderAfterSale?: OrderAfterSaleResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderReturnFact?: OrderReturnFactResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ParkedSaga?: ParkedSagaResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Return?: ReturnResolvers<ContextType>;
  ReturnLine?: ReturnLineResolvers<ContextType>;
  SagaRefusal?: SagaRefusalResolvers<ContextType>;
  Store?: StoreResolvers<ContextType>;
}>;

