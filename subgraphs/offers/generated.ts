import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Promotion as PromotionModel, AppliedPromotion as AppliedPromotionModel, PricedLine as PricedLineModel } from '../../domain/pricing/model';
import { QuoteModel as QuoteModelModel, OfferModel as OfferModelModel, CustomerRef as CustomerRefModel, ProductRef as ProductRefModel, VoucherModel as VoucherModelModel } from './model';
import { Discrepancy as DiscrepancyModel } from '../../domain/pricing/shelf-drift';
import { Voucher as VoucherModel } from '../../domain/pricing/promotions/voucher-book';
import { KeyedGoodwillRequest as KeyedGoodwillRequestModel } from '../../domain/pricing/promotions/goodwill';
import { OffersContext } from './context';
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

export type AppliedPromotion = {
  __typename?: 'AppliedPromotion';
  amount: Money;
  promotion: Promotion;
  /** The products of the lines it reduced. */
  skus: Array<Scalars['ID']['output']>;
};

export type Channel =
  | 'CALL_CENTER'
  | 'STORE'
  | 'WEB';

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  /**
   * The promotions this customer is entitled to in that channel (and store), today. Nullable where
   * the contract says [Promotion!]!: null with one SYSTEM_UNAVAILABLE when a silo they depend on is
   * down, so that the rest of the customer stands; with loyalty down, those of no tier, with one
   * SYSTEM_UNAVAILABLE naming loyalty. storeId as in Product.offer: for WEB and CALL_CENTER, a pickup store.
   */
  offers?: Maybe<Array<Promotion>>;
  /**
   * The customer's goodwill vouchers, used and expired ones included: those the CRM granted before
   * go-live (its export) and those granted through the graph, newest first (by expiry: every voucher
   * is valid for the same time, and the export has no grant date). Staff and services, or the
   * customer itself. Null with SYSTEM_UNAVAILABLE when the identity directory or the vouchers table
   * cannot be read, the rest of the customer answered.
   */
  vouchers?: Maybe<Array<Voucher>>;
};


export type CustomerOffersArgs = {
  channel: Channel;
  storeId?: InputMaybe<Scalars['ID']['input']>;
};

/** A goodwill voucher as the CRM shows it to an operator. */
export type FoundVoucherInput = {
  /** its code (GW-...), 1 to 64 characters */
  code: Scalars['String']['input'];
  /** the CRM contact it was granted to, one of the customer's; default: their first, as grantGoodwill chooses */
  contactId?: InputMaybe<Scalars['ID']['input']>;
  expiresAt: Scalars['DateTime']['input'];
};

/**
 * A goodwill voucher asked under an idempotency key that the CRM may have granted, though the project
 * holds none: the CRM's answer was lost (a timeout, a 5xx), or its request never came back to record
 * it. The key refuses to grant again; an operator checks in the CRM (the contact's vouchers, by
 * amount and reason) before anyone grants it under another key.
 */
export type GoodwillInDoubt = {
  __typename?: 'GoodwillInDoubt';
  amount: Money;
  /** The CRM's answer was lost; false: the request never came back (its process stopped during it). */
  answerLost: Scalars['Boolean']['output'];
  askedAt: Scalars['DateTime']['output'];
  customer: Customer;
  idempotencyKey: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/**
 * A goodwill voucher as the project holds it (subgraphs only: the orders subgraph prices with them
 * and claims them for an order; the vouchers table is the offers subgraph's).
 */
export type HeldVoucher = {
  __typename?: 'HeldVoucher';
  amountCents: Scalars['Int']['output'];
  code: Scalars['String']['output'];
  contactId: Scalars['ID']['output'];
  customerId?: Maybe<Scalars['ID']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  grantedAt: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  usedByOrder?: Maybe<Scalars['String']['output']>;
};

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

export type Mutation = {
  __typename?: 'Mutation';
  /** Service role: marks the vouchers used by the order (CONFLICT when one was used by another); again for the same order, nothing changes. */
  claimVouchers: Scalars['Boolean']['output'];
  /** A single-use voucher for a customer, granted in the CRM; it applies as a promotion once. */
  grantGoodwill: Voucher;
  /** Drops the cached price book and promotions of every process on the database: the next answer reads them again. */
  refreshPricing: Scalars['Boolean']['output'];
  /** Service role: gives back the vouchers an order that did not happen had claimed. */
  releaseVouchers: Scalars['Boolean']['output'];
  /**
   * Service role: settles a goodwill request in doubt (goodwillInDoubt) as an operator found it in the
   * CRM. With the voucher found, it is recorded as the key's, granted when the key was asked to the
   * customer's call center contact the CRM shows it under: the key answers it from then on, and it
   * applies to orders. With none (voucher null), the key is given back: the agent's request sent
   * again with it grants, and null is answered. NOT_FOUND for a key with no request (never asked, or
   * given back) and for a customer no longer known; CONFLICT for a request not in doubt: its voucher
   * recorded, or still at the CRM (retryable), or another asked under the key since it was given
   * back; CONFLICT for a code already recorded (the key stays in doubt); BAD_USER_INPUT for a contact
   * not the customer's.
   */
  settleGoodwillInDoubt?: Maybe<Voucher>;
  /** Lists a store's discrepancies and, with dryRun false, writes the list prices to its shelves. */
  syncShelfPrices: Array<PriceDiscrepancy>;
};


export type MutationClaimVouchersArgs = {
  codes: Array<Scalars['String']['input']>;
  orderRef: Scalars['String']['input'];
};


export type MutationGrantGoodwillArgs = {
  amount: Scalars['Int']['input'];
  customerId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationReleaseVouchersArgs = {
  codes: Array<Scalars['String']['input']>;
  orderRef: Scalars['String']['input'];
};


export type MutationSettleGoodwillInDoubtArgs = {
  idempotencyKey: Scalars['String']['input'];
  voucher?: InputMaybe<FoundVoucherInput>;
};


export type MutationSyncShelfPricesArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  storeId: Scalars['ID']['input'];
};

export type Offer = {
  __typename?: 'Offer';
  appliedPromotions: Array<AppliedPromotion>;
  channel: Channel;
  listPrice: Money;
  /** After promotions. */
  price: Money;
  product: Product;
  store?: Maybe<Store>;
  /** When the first applied promotion ends; null without promotion. */
  validUntil?: Maybe<Scalars['DateTime']['output']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PriceDiscrepancy = {
  __typename?: 'PriceDiscrepancy';
  /** The price master's price. */
  listPrice: Money;
  product: Product;
  store?: Maybe<Store>;
  system: LegacySystem;
  /** What that system charges. */
  systemPrice: Money;
};

export type PriceDiscrepancyConnection = {
  __typename?: 'PriceDiscrepancyConnection';
  edges: Array<PriceDiscrepancyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PriceDiscrepancyEdge = {
  __typename?: 'PriceDiscrepancyEdge';
  cursor: Scalars['String']['output'];
  node: PriceDiscrepancy;
};

export type Product = {
  __typename?: 'Product';
  /**
   * The price this channel (and store, and customer) gets today, from the one pricing engine.
   * Nullable where the contract says Offer!: a price that cannot be known (the promotions with their
   * silo down) is null with one SYSTEM_UNAVAILABLE, never a guess, and the rest of the product and the
   * list stand. With loyalty down, a customer's price is the one without their tier's offers, with one
   * SYSTEM_UNAVAILABLE naming loyalty for the field (not one per product). storeId: required for STORE
   * (the sale's store); for WEB and CALL_CENTER, the store the goods are collected in, whose promotions
   * then apply: a home delivery is priced without one, as placeOrder prices it.
   */
  offer?: Maybe<Offer>;
  sku: Scalars['ID']['output'];
};


export type ProductOfferArgs = {
  channel: Channel;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  storeId?: InputMaybe<Scalars['ID']['input']>;
};

export type PromoCodeRejection =
  | 'EXPIRED'
  | 'MINIMUM_NOT_MET'
  | 'NOT_APPLICABLE'
  | 'NOT_COMBINABLE'
  | 'NOT_FOR_THIS_CUSTOMER'
  | 'NOT_IN_THIS_CHANNEL'
  | 'NOT_IN_THIS_STORE'
  | 'NOT_YET_VALID'
  | 'UNKNOWN';

export type Promotion = {
  __typename?: 'Promotion';
  /** The channels the omnichannel policy gives it; in those channels, only a sale in one of its stores when it names any. */
  channels: Array<Channel>;
  /** The code to give, when it needs one. */
  code?: Maybe<Scalars['String']['output']>;
  /** source-qualified: eshop:WELCOME10, pos:ST042:P-77, loyalty:OF-101, crm:GW-... */
  id: Scalars['ID']['output'];
  kind: PromotionKind;
  /** What the legacy system flags (loyalty offers): reported, not obeyed. */
  legacyChannels?: Maybe<Array<Channel>>;
  level: PromotionLevel;
  minBasket?: Maybe<Money>;
  name: Scalars['String']['output'];
  source: PromotionSource;
  /** The stores it is run in (a sale or a pickup there); null: every store, and the sales with no store. */
  stores?: Maybe<Array<Store>>;
  validFrom: Scalars['DateTime']['output'];
  validTo: Scalars['DateTime']['output'];
  /** PERCENT and SECOND_HALF_PRICE: a percentage; AMOUNT: cents (per unit at PRODUCT level). */
  value: Scalars['Float']['output'];
};

/** A loyalty offer whose legacy channel flags disagree with the channels the policy gives it. */
export type PromotionChannelConflict = {
  __typename?: 'PromotionChannelConflict';
  legacyChannels: Array<Channel>;
  policyChannels: Array<Channel>;
  promotion: Promotion;
};

export type PromotionKind =
  | 'AMOUNT'
  | 'PERCENT'
  | 'SECOND_HALF_PRICE';

export type PromotionLevel =
  /** applies to the whole basket */
  | 'BASKET'
  /** applies to the lines in its scope */
  | 'PRODUCT';

/** Where a promotion comes from. */
export type PromotionSource =
  | 'crm'
  | 'eshop'
  | 'loyalty'
  | 'pos';

export type Query = {
  __typename?: 'Query';
  /** Service role: the goodwill vouchers the CRM may have granted that the project does not hold, oldest first. */
  goodwillInDoubt: Array<GoodwillInDoubt>;
  /** Shelf prices that differ from the list price, in one store or all. */
  priceDiscrepancies: PriceDiscrepancyConnection;
  promotionChannelConflicts: Array<PromotionChannelConflict>;
  /** With loyalty down, a customer's basket is priced without their tier's offers, with one SYSTEM_UNAVAILABLE naming loyalty. */
  quote: Quote;
  /** Service role: unused vouchers by code, whoever holds them. */
  unusedVouchersByCodes: Array<HeldVoucher>;
  /** Service role: the unused vouchers of these CRM contacts. */
  unusedVouchersOfContacts: Array<HeldVoucher>;
};


export type QueryGoodwillInDoubtArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPriceDiscrepanciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  storeId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryQuoteArgs = {
  input: QuoteInput;
};


export type QueryUnusedVouchersByCodesArgs = {
  codes: Array<Scalars['String']['input']>;
};


export type QueryUnusedVouchersOfContactsArgs = {
  contactIds: Array<Scalars['ID']['input']>;
};

export type Quote = {
  __typename?: 'Quote';
  /** Every cent of the discount, promotion by promotion. */
  appliedPromotions: Array<AppliedPromotion>;
  channel: Channel;
  discount: Money;
  lines: Array<QuoteLine>;
  /** 1 point per whole euro paid. */
  loyaltyPointsEarned: Scalars['Int']['output'];
  rejectedPromoCodes: Array<RejectedPromoCode>;
  store?: Maybe<Store>;
  /** Sum of the line totals. */
  subtotal: Money;
  /** subtotal - discount */
  total: Money;
};

export type QuoteInput = {
  channel: Channel;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Lines of the same product are priced as one (quantities summed, at most 99): the quote has one line a product, where it first appears. */
  lines: Array<QuoteLineInput>;
  promoCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * Required for STORE (the sale's store); for WEB and CALL_CENTER, the store the goods are collected in
   * (STORE_PICKUP), whose promotions then apply: a home delivery is quoted without one, as placeOrder prices it.
   */
  storeId?: InputMaybe<Scalars['ID']['input']>;
};

export type QuoteLine = {
  __typename?: 'QuoteLine';
  /** This line's share of every promotion applied. */
  discount: Money;
  /** quantity x unitPrice */
  lineTotal: Money;
  listPrice: Money;
  product: Product;
  quantity: Scalars['Int']['output'];
  /** The unit price charged before promotions: the list price, in every channel. */
  unitPrice: Money;
};

export type QuoteLineInput = {
  /** 1 to 99 */
  quantity: Scalars['Int']['input'];
  sku: Scalars['ID']['input'];
};

export type RejectedPromoCode = {
  __typename?: 'RejectedPromoCode';
  code: Scalars['String']['output'];
  reason: PromoCodeRejection;
};

export type Store = {
  __typename?: 'Store';
  id: Scalars['ID']['output'];
};

export type Voucher = {
  __typename?: 'Voucher';
  amount: Money;
  code: Scalars['String']['output'];
  customer: Customer;
  expiresAt: Scalars['DateTime']['output'];
  /** Null when unknown: the CRM's export of the vouchers granted before go-live has no grant date. */
  grantedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The agent's reason for the goodwill, an internal note: null for the customer and for store staff. */
  reason?: Maybe<Scalars['String']['output']>;
  status: VoucherStatus;
};

export type VoucherStatus =
  | 'AVAILABLE'
  /** past its expiry, unused */
  | 'EXPIRED'
  /** an order took it off its total */
  | 'USED';

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
  Product: Product;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AppliedPromotion: ResolverTypeWrapper<AppliedPromotionModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Channel: Channel;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FoundVoucherInput: FoundVoucherInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  GoodwillInDoubt: ResolverTypeWrapper<KeyedGoodwillRequestModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  HeldVoucher: ResolverTypeWrapper<VoucherModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LegacySystem: LegacySystem;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Offer: ResolverTypeWrapper<OfferModelModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PriceDiscrepancy: ResolverTypeWrapper<DiscrepancyModel>;
  PriceDiscrepancyConnection: ResolverTypeWrapper<Omit<PriceDiscrepancyConnection, 'edges'> & { edges: Array<ResolversTypes['PriceDiscrepancyEdge']> }>;
  PriceDiscrepancyEdge: ResolverTypeWrapper<Omit<PriceDiscrepancyEdge, 'node'> & { node: ResolversTypes['PriceDiscrepancy'] }>;
  Product: ResolverTypeWrapper<ProductRefModel>;
  PromoCodeRejection: PromoCodeRejection;
  Promotion: ResolverTypeWrapper<PromotionModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  PromotionChannelConflict: ResolverTypeWrapper<Omit<PromotionChannelConflict, 'promotion'> & { promotion: ResolversTypes['Promotion'] }>;
  PromotionKind: PromotionKind;
  PromotionLevel: PromotionLevel;
  PromotionSource: PromotionSource;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<QuoteModelModel>;
  QuoteInput: QuoteInput;
  QuoteLine: ResolverTypeWrapper<PricedLineModel>;
  QuoteLineInput: QuoteLineInput;
  RejectedPromoCode: ResolverTypeWrapper<RejectedPromoCode>;
  Store: ResolverTypeWrapper<Store>;
  Voucher: ResolverTypeWrapper<VoucherModelModel>;
  VoucherStatus: VoucherStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AppliedPromotion: AppliedPromotionModel;
  ID: Scalars['ID']['output'];
  Customer: CustomerRefModel;
  DateTime: Scalars['DateTime']['output'];
  FoundVoucherInput: FoundVoucherInput;
  String: Scalars['String']['output'];
  GoodwillInDoubt: KeyedGoodwillRequestModel;
  Boolean: Scalars['Boolean']['output'];
  HeldVoucher: VoucherModel;
  Int: Scalars['Int']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Offer: OfferModelModel;
  PageInfo: PageInfo;
  PriceDiscrepancy: DiscrepancyModel;
  PriceDiscrepancyConnection: Omit<PriceDiscrepancyConnection, 'edges'> & { edges: Array<ResolversParentTypes['PriceDiscrepancyEdge']> };
  PriceDiscrepancyEdge: Omit<PriceDiscrepancyEdge, 'node'> & { node: ResolversParentTypes['PriceDiscrepancy'] };
  Product: ProductRefModel;
  Promotion: PromotionModel;
  Float: Scalars['Float']['output'];
  PromotionChannelConflict: Omit<PromotionChannelConflict, 'promotion'> & { promotion: ResolversParentTypes['Promotion'] };
  Query: Record<PropertyKey, never>;
  Quote: QuoteModelModel;
  QuoteInput: QuoteInput;
  QuoteLine: PricedLineModel;
  QuoteLineInput: QuoteLineInput;
  RejectedPromoCode: RejectedPromoCode;
  Store: Store;
  Voucher: VoucherModelModel;
}>;

export type AppliedPromotionResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['AppliedPromotion'] = ResolversParentTypes['AppliedPromotion']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  promotion?: Resolver<ResolversTypes['Promotion'], ParentType, ContextType>;
  skus?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offers?: Resolver<Maybe<Array<ResolversTypes['Promotion']>>, ParentType, ContextType, RequireFields<CustomerOffersArgs, 'channel'>>;
  vouchers?: Resolver<Maybe<Array<ResolversTypes['Voucher']>>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GoodwillInDoubtResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['GoodwillInDoubt'] = ResolversParentTypes['GoodwillInDoubt']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  answerLost?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  askedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  idempotencyKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type HeldVoucherResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['HeldVoucher'] = ResolversParentTypes['HeldVoucher']> = ResolversObject<{
  amountCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usedByOrder?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  centAmount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  claimVouchers?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationClaimVouchersArgs, 'codes' | 'orderRef'>>;
  grantGoodwill?: Resolver<ResolversTypes['Voucher'], ParentType, ContextType, RequireFields<MutationGrantGoodwillArgs, 'amount' | 'customerId' | 'reason'>>;
  refreshPricing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  releaseVouchers?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReleaseVouchersArgs, 'codes' | 'orderRef'>>;
  settleGoodwillInDoubt?: Resolver<Maybe<ResolversTypes['Voucher']>, ParentType, ContextType, RequireFields<MutationSettleGoodwillInDoubtArgs, 'idempotencyKey'>>;
  syncShelfPrices?: Resolver<Array<ResolversTypes['PriceDiscrepancy']>, ParentType, ContextType, RequireFields<MutationSyncShelfPricesArgs, 'dryRun' | 'storeId'>>;
}>;

export type OfferResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Offer'] = ResolversParentTypes['Offer']> = ResolversObject<{
  appliedPromotions?: Resolver<Array<ResolversTypes['AppliedPromotion']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Store']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PriceDiscrepancyResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['PriceDiscrepancy'] = ResolversParentTypes['PriceDiscrepancy']> = ResolversObject<{
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Store']>, ParentType, ContextType>;
  system?: Resolver<ResolversTypes['LegacySystem'], ParentType, ContextType>;
  systemPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type PriceDiscrepancyConnectionResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['PriceDiscrepancyConnection'] = ResolversParentTypes['PriceDiscrepancyConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PriceDiscrepancyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PriceDiscrepancyEdgeResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['PriceDiscrepancyEdge'] = ResolversParentTypes['PriceDiscrepancyEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PriceDiscrepancy'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  offer?: Resolver<Maybe<ResolversTypes['Offer']>, ParentType, ContextType, RequireFields<ProductOfferArgs, 'channel'>>;
  sku?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PromotionResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Promotion'] = ResolversParentTypes['Promotion']> = ResolversObject<{
  channels?: Resolver<Array<ResolversTypes['Channel']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PromotionKind'], ParentType, ContextType>;
  legacyChannels?: Resolver<Maybe<Array<ResolversTypes['Channel']>>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PromotionLevel'], ParentType, ContextType>;
  minBasket?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['PromotionSource'], ParentType, ContextType>;
  stores?: Resolver<Maybe<Array<ResolversTypes['Store']>>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type PromotionChannelConflictResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['PromotionChannelConflict'] = ResolversParentTypes['PromotionChannelConflict']> = ResolversObject<{
  legacyChannels?: Resolver<Array<ResolversTypes['Channel']>, ParentType, ContextType>;
  policyChannels?: Resolver<Array<ResolversTypes['Channel']>, ParentType, ContextType>;
  promotion?: Resolver<ResolversTypes['Promotion'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  goodwillInDoubt?: Resolver<Array<ResolversTypes['GoodwillInDoubt']>, ParentType, ContextType, RequireFields<QueryGoodwillInDoubtArgs, 'first'>>;
  priceDiscrepancies?: Resolver<ResolversTypes['PriceDiscrepancyConnection'], ParentType, ContextType, RequireFields<QueryPriceDiscrepanciesArgs, 'first'>>;
  promotionChannelConflicts?: Resolver<Array<ResolversTypes['PromotionChannelConflict']>, ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['Quote'], ParentType, ContextType, RequireFields<QueryQuoteArgs, 'input'>>;
  unusedVouchersByCodes?: Resolver<Array<ResolversTypes['HeldVoucher']>, ParentType, ContextType, RequireFields<QueryUnusedVouchersByCodesArgs, 'codes'>>;
  unusedVouchersOfContacts?: Resolver<Array<ResolversTypes['HeldVoucher']>, ParentType, ContextType, RequireFields<QueryUnusedVouchersOfContactsArgs, 'contactIds'>>;
}>;

export type QuoteResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote']> = ResolversObject<{
  appliedPromotions?: Resolver<Array<ResolversTypes['AppliedPromotion']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['QuoteLine']>, ParentType, ContextType>;
  loyaltyPointsEarned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejectedPromoCodes?: Resolver<Array<ResolversTypes['RejectedPromoCode']>, ParentType, ContextType>;
  store?: Resolver<Maybe<ResolversTypes['Store']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type QuoteLineResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['QuoteLine'] = ResolversParentTypes['QuoteLine']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type RejectedPromoCodeResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['RejectedPromoCode'] = ResolversParentTypes['RejectedPromoCode']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['PromoCodeRejection'], ParentType, ContextType>;
}>;

export type StoreResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Store'] = ResolversParentTypes['Store']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type VoucherResolvers<ContextType = OffersContext, ParentType extends ResolversParentTypes['Voucher'] = ResolversParentTypes['Voucher']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grantedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['VoucherStatus'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = OffersContext> = ResolversObject<{
  AppliedPromotion?: AppliedPromotionResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  GoodwillInDoubt?: GoodwillInDoubtResolvers<ContextType>;
  HeldVoucher?: HeldVoucherResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Offer?: OfferResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PriceDiscrepancy?: PriceDiscrepancyResolvers<ContextType>;
  PriceDiscrepancyConnection?: PriceDiscrepancyConnectionResolvers<ContextType>;
  PriceDiscrepancyEdge?: PriceDiscrepancyEdgeResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Promotion?: PromotionResolvers<ContextType>;
  PromotionChannelConflict?: PromotionChannelConflictResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  QuoteLine?: QuoteLineResolvers<ContextType>;
  RejectedPromoCode?: RejectedPromoCodeResolvers<ContextType>;
  Store?: StoreResolvers<ContextType>;
  Voucher?: VoucherResolvers<ContextType>;
}>;

