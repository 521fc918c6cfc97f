import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CustomerRef as CustomerRefModel } from './model';
import { JourneyEvent as JourneyEventModel, ChannelSummary as ChannelSummaryModel } from '../../domain/journey/timeline';
import { RopoReport as RopoReportModel, RopoCategoryCounts as RopoCategoryCountsModel, RopoStoreCounts as RopoStoreCountsModel, RopoWeekCounts as RopoWeekCountsModel } from '../../domain/journey/ropo';
import { InsightsContext } from './context';
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

export type CategoryRopo = {
  __typename?: 'CategoryRopo';
  category: Scalars['String']['output'];
  ropoPurchases: Scalars['Int']['output'];
  ropoRate: Scalars['Float']['output'];
  ropoRevenue: Money;
  showroomingPurchases: Scalars['Int']['output'];
  showroomingRate: Scalars['Float']['output'];
  showroomingRevenue: Money;
  storePurchases: Scalars['Int']['output'];
  storeRevenue: Money;
  webPurchases: Scalars['Int']['output'];
  webRevenue: Money;
};

export type Channel =
  | 'CALL_CENTER'
  | 'STORE'
  | 'WEB';

/**
 * One channel's figures. A figure held by a system that did not answer is null (never counted from
 * the other systems alone), and the field `channelSummary` then carries one SYSTEM_UNAVAILABLE error
 * naming that system. The e-shop holds WEB and CALL_CENTER orders, the POS STORE orders. The store
 * activity also counts the collections and returns of orders placed through the graph: when those
 * cannot be read, STORE's `lastActivityAt` is null, with an error of its own.
 */
export type ChannelSummary = {
  __typename?: 'ChannelSummary';
  channel: Channel;
  /** null without any activity in the channel, or when a system recording some of it is unavailable */
  lastActivityAt?: Maybe<Scalars['DateTime']['output']>;
  /** orders placed in that channel (cancelled ones left out); null: unknown, its system is unavailable */
  orders?: Maybe<Scalars['Int']['output']>;
  /** what those orders total; null exactly when `orders` is */
  spend?: Maybe<Money>;
};

export type Customer = {
  __typename?: 'Customer';
  /**
   * Every channel, always in the list, even when a system is unavailable: see ChannelSummary. null, with its
   * error, when it cannot be read at all (FORBIDDEN to store staff): the rest of the customer is still answered.
   */
  channelSummary?: Maybe<Array<ChannelSummary>>;
  id: Scalars['ID']['output'];
  identities: Array<Identity>;
  /**
   * Every channel's events, newest first. When a system is down, the others' events with a SYSTEM_UNAVAILABLE error.
   * null, with its error, when it cannot be read at all (FORBIDDEN to store staff, a cursor that is not this
   * list's, the insights subgraph down): the rest of the customer is still answered.
   */
  journey?: Maybe<JourneyEventConnection>;
  /**
   * The channel of most orders (ties: the latest activity); null without any order, and null with a
   * SYSTEM_UNAVAILABLE error when a system it depends on is unavailable (one holding orders, or, in a
   * tie, the activity of the tied channels): then it cannot be decided.
   */
  preferredChannel?: Maybe<Channel>;
};


export type CustomerJourneyArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Identity = {
  __typename?: 'Identity';
  externalId: Scalars['ID']['output'];
  system: LegacySystem;
};

export type JourneyEvent = {
  __typename?: 'JourneyEvent';
  at: Scalars['DateTime']['output'];
  channel: Channel;
  /** what happened, in a few words (a call's reason, a case's subject, points) */
  detail?: Maybe<Scalars['String']['output']>;
  kind: JourneyEventKind;
  order?: Maybe<Order>;
  product?: Maybe<Product>;
  store?: Maybe<Store>;
};

export type JourneyEventConnection = {
  __typename?: 'JourneyEventConnection';
  edges: Array<JourneyEventEdge>;
  pageInfo: PageInfo;
};

export type JourneyEventEdge = {
  __typename?: 'JourneyEventEdge';
  cursor: Scalars['String']['output'];
  node: JourneyEvent;
};

export type JourneyEventKind =
  | 'ADD_TO_CART'
  | 'AVAILABILITY_CHECK'
  | 'CALL'
  | 'CASE_CLOSED'
  | 'CASE_OPENED'
  | 'LOYALTY_ADJUST'
  | 'LOYALTY_BURN'
  | 'LOYALTY_EARN'
  | 'PHONE_ORDER'
  /** a click-and-collect order handed over in store */
  | 'PICKUP'
  | 'PRODUCT_VIEW'
  | 'RETURN'
  | 'STORE_LOCATOR_VIEW'
  | 'STORE_PURCHASE'
  | 'WEB_ORDER';

export type LegacySystem =
  | 'CRM'
  | 'ESHOP'
  | 'LOYALTY'
  | 'POS';

export type Money = {
  __typename?: 'Money';
  centAmount: Scalars['Int']['output'];
  currencyCode: Scalars['String']['output'];
};

export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Product = {
  __typename?: 'Product';
  sku: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  ropoReport: RopoReport;
};


export type QueryRopoReportArgs = {
  from: Scalars['DateTime']['input'];
  lookbackDays?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['DateTime']['input'];
};

/**
 * Counts of purchase lines in [from, to), and what was paid for them (after discounts, as the orders
 * and receipts show them). Definitions in the README (ROPO).
 */
export type RopoReport = {
  __typename?: 'RopoReport';
  byCategory: Array<CategoryRopo>;
  /** every store with a store purchase, or a showrooming purchase counted for it, in the period; by id */
  byStore: Array<StoreRopo>;
  /** every ISO week overlapping [from, to), oldest first, empty ones included */
  byWeek: Array<WeekRopo>;
  from: Scalars['DateTime']['output'];
  lookbackDays: Scalars['Int']['output'];
  ropoPurchases: Scalars['Int']['output'];
  ropoRate: Scalars['Float']['output'];
  ropoRevenue: Money;
  showroomingPurchases: Scalars['Int']['output'];
  /** showroomingPurchases / webPurchases, 0 when there is none */
  showroomingRate: Scalars['Float']['output'];
  showroomingRevenue: Money;
  storePurchases: Scalars['Int']['output'];
  storeRevenue: Money;
  to: Scalars['DateTime']['output'];
  /** lines of web orders (not phone ones) in [from, to): the showrooming share's denominator */
  webPurchases: Scalars['Int']['output'];
  webRevenue: Money;
};

export type Store = {
  __typename?: 'Store';
  id: Scalars['ID']['output'];
};

/**
 * A store's purchases, and the showrooming purchases counted for it: those whose customer's latest
 * store visit in the lookback before the order was there.
 */
export type StoreRopo = {
  __typename?: 'StoreRopo';
  ropoPurchases: Scalars['Int']['output'];
  ropoRate: Scalars['Float']['output'];
  ropoRevenue: Money;
  showroomingPurchases: Scalars['Int']['output'];
  store: Store;
  storePurchases: Scalars['Int']['output'];
  storeRevenue: Money;
};

/** One ISO week of the period (its part within [from, to) only). */
export type WeekRopo = {
  __typename?: 'WeekRopo';
  ropoPurchases: Scalars['Int']['output'];
  ropoRate: Scalars['Float']['output'];
  ropoRevenue: Money;
  showroomingPurchases: Scalars['Int']['output'];
  showroomingRate: Scalars['Float']['output'];
  showroomingRevenue: Money;
  storePurchases: Scalars['Int']['output'];
  storeRevenue: Money;
  webPurchases: Scalars['Int']['output'];
  webRevenue: Money;
  /** Monday 00:00, Europe/Paris */
  weekStart: Scalars['DateTime']['output'];
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
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CategoryRopo: ResolverTypeWrapper<RopoCategoryCountsModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Channel: Channel;
  ChannelSummary: ResolverTypeWrapper<ChannelSummaryModel>;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Identity: ResolverTypeWrapper<Identity>;
  JourneyEvent: ResolverTypeWrapper<JourneyEventModel>;
  JourneyEventConnection: ResolverTypeWrapper<Omit<JourneyEventConnection, 'edges'> & { edges: Array<ResolversTypes['JourneyEventEdge']> }>;
  JourneyEventEdge: ResolverTypeWrapper<Omit<JourneyEventEdge, 'node'> & { node: ResolversTypes['JourneyEvent'] }>;
  JourneyEventKind: JourneyEventKind;
  LegacySystem: LegacySystem;
  Money: ResolverTypeWrapper<Money>;
  Order: ResolverTypeWrapper<Order>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Product: ResolverTypeWrapper<Product>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RopoReport: ResolverTypeWrapper<RopoReportModel>;
  Store: ResolverTypeWrapper<Store>;
  StoreRopo: ResolverTypeWrapper<RopoStoreCountsModel>;
  WeekRopo: ResolverTypeWrapper<RopoWeekCountsModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CategoryRopo: RopoCategoryCountsModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  ChannelSummary: ChannelSummaryModel;
  Customer: CustomerRefModel;
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Identity: Identity;
  JourneyEvent: JourneyEventModel;
  JourneyEventConnection: Omit<JourneyEventConnection, 'edges'> & { edges: Array<ResolversParentTypes['JourneyEventEdge']> };
  JourneyEventEdge: Omit<JourneyEventEdge, 'node'> & { node: ResolversParentTypes['JourneyEvent'] };
  Money: Money;
  Order: Order;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Product: Product;
  Query: Record<PropertyKey, never>;
  RopoReport: RopoReportModel;
  Store: Store;
  StoreRopo: RopoStoreCountsModel;
  WeekRopo: RopoWeekCountsModel;
}>;

export type CategoryRopoResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['CategoryRopo'] = ResolversParentTypes['CategoryRopo']> = ResolversObject<{
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ropoPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ropoRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  ropoRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  showroomingPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  showroomingRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  showroomingRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  storePurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  storeRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  webPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  webRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type ChannelSummaryResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['ChannelSummary'] = ResolversParentTypes['ChannelSummary']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  lastActivityAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  spend?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  channelSummary?: Resolver<Maybe<Array<ResolversTypes['ChannelSummary']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  journey?: Resolver<Maybe<ResolversTypes['JourneyEventConnection']>, ParentType, ContextType, RequireFields<CustomerJourneyArgs, 'first'>>;
  preferredChannel?: Resolver<Maybe<ResolversTypes['Channel']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IdentityResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Identity'] = ResolversParentTypes['Identity']> = ResolversObject<{
  externalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['LegacySystem'], ParentType, ContextType>;
}>;

export type JourneyEventResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['JourneyEvent'] = ResolversParentTypes['JourneyEvent']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['JourneyEventKind'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Store']>, ParentType, ContextType>;
}>;

export type JourneyEventConnectionResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['JourneyEventConnection'] = ResolversParentTypes['JourneyEventConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['JourneyEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type JourneyEventEdgeResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['JourneyEventEdge'] = ResolversParentTypes['JourneyEventEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['JourneyEvent'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  centAmount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = ResolversObject<{
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  ropoReport?: Resolver<ResolversTypes['RopoReport'], ParentType, ContextType, RequireFields<QueryRopoReportArgs, 'from' | 'lookbackDays' | 'to'>>;
}>;

export type RopoReportResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['RopoReport'] = ResolversParentTypes['RopoReport']> = ResolversObject<{
  byCategory?: Resolver<Array<ResolversTypes['CategoryRopo']>, ParentType, ContextType>;
  byStore?: Resolver<Array<ResolversTypes['StoreRopo']>, ParentType, ContextType>;
  byWeek?: Resolver<Array<ResolversTypes['WeekRopo']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lookbackDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ropoPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ropoRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  ropoRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  showroomingPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  showroomingRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  showroomingRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  storePurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  storeRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  webPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  webRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type StoreResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['Store'] = ResolversParentTypes['Store']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type StoreRopoResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['StoreRopo'] = ResolversParentTypes['StoreRopo']> = ResolversObject<{
  ropoPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ropoRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  ropoRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  showroomingPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  store?: Resolver<ResolversTypes['Store'], ParentType, ContextType>;
  storePurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  storeRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type WeekRopoResolvers<ContextType = InsightsContext, ParentType extends ResolversParentTypes['WeekRopo'] = ResolversParentTypes['WeekRopo']> = ResolversObject<{
  ropoPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ropoRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  ropoRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  showroomingPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  showroomingRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  showroomingRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  storePurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  storeRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  webPurchases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  webRevenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  weekStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = InsightsContext> = ResolversObject<{
  CategoryRopo?: CategoryRopoResolvers<ContextType>;
  ChannelSummary?: ChannelSummaryResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Identity?: IdentityResolvers<ContextType>;
  JourneyEvent?: JourneyEventResolvers<ContextType>;
  JourneyEventConnection?: JourneyEventConnectionResolvers<ContextType>;
  JourneyEventEdge?: JourneyEventEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RopoReport?: RopoReportResolvers<ContextType>;
  Store?: StoreResolvers<ContextType>;
  StoreRopo?: StoreRopoResolvers<ContextType>;
  WeekRopo?: WeekRopoResolvers<ContextType>;
}>;

