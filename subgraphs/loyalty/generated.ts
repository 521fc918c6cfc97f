import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { LoyaltyAccount as LoyaltyAccountModel, LoyaltyTransaction as LoyaltyTransactionModel } from '../../domain/types';
import { CustomerRef as CustomerRefModel, OrderRef as OrderRefModel } from './model';
import { LoyaltyContext } from './context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  identities: Array<Identity>;
  /** Null when the customer has no card, or when loyalty is unavailable. */
  loyalty?: Maybe<LoyaltyAccount>;
  /**
   * Every loyalty card linked to this customer (a card re-issued, one an agent linked), in the order
   * they were linked; a card the platform does not know is left out. One members:batchGet for every
   * card of the request. Null when loyalty is unavailable, with one SYSTEM_UNAVAILABLE.
   */
  loyaltyCards?: Maybe<Array<LoyaltyAccount>>;
};

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

export type LoyaltyAccount = {
  __typename?: 'LoyaltyAccount';
  /** 16 digits */
  cardNumber: Scalars['String']['output'];
  pointsBalance: Scalars['Int']['output'];
  tier: LoyaltyTier;
  /** Newest first. */
  transactions: Array<LoyaltyTransaction>;
};


export type LoyaltyAccountTransactionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type LoyaltyChannel =
  | 'PHONE'
  | 'STORE'
  | 'WEB';

export type LoyaltyTier =
  | 'BASIC'
  | 'GOLD'
  | 'SILVER';

export type LoyaltyTransaction = {
  __typename?: 'LoyaltyTransaction';
  at: Scalars['DateTime']['output'];
  channel: LoyaltyChannel;
  externalRef?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Signed: a BURN is negative. */
  points: Scalars['Int']['output'];
  type: LoyaltyTransactionType;
};

export type LoyaltyTransactionType =
  | 'ADJUST'
  | 'BURN'
  | 'EARN';

export type Order = {
  __typename?: 'Order';
  customer?: Maybe<Customer>;
  id: Scalars['ID']['output'];
  /** Points the order earned (its EARN entries in the loyalty ledger); null when its customer has no card. */
  loyaltyPointsEarned?: Maybe<Scalars['Int']['output']>;
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
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}> ) );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Order'], {"customer":{"identities":{"system":true,"externalId":true}}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Identity: ResolverTypeWrapper<Identity>;
  LegacySystem: LegacySystem;
  LoyaltyAccount: ResolverTypeWrapper<LoyaltyAccountModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LoyaltyChannel: LoyaltyChannel;
  LoyaltyTier: LoyaltyTier;
  LoyaltyTransaction: ResolverTypeWrapper<LoyaltyTransactionModel>;
  LoyaltyTransactionType: LoyaltyTransactionType;
  Order: ResolverTypeWrapper<OrderRefModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Customer: CustomerRefModel;
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Identity: Identity;
  LoyaltyAccount: LoyaltyAccountModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  LoyaltyTransaction: LoyaltyTransactionModel;
  Order: OrderRefModel;
  Boolean: Scalars['Boolean']['output'];
}>;

export type CustomerResolvers<ContextType = LoyaltyContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  loyalty?: Resolver<Maybe<ResolversTypes['LoyaltyAccount']>, ParentType, ContextType>;
  loyaltyCards?: Resolver<Maybe<Array<ResolversTypes['LoyaltyAccount']>>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IdentityResolvers<ContextType = LoyaltyContext, ParentType extends ResolversParentTypes['Identity'] = ResolversParentTypes['Identity']> = ResolversObject<{
  externalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['LegacySystem'], ParentType, ContextType>;
}>;

export type LoyaltyAccountResolvers<ContextType = LoyaltyContext, ParentType extends ResolversParentTypes['LoyaltyAccount'] = ResolversParentTypes['LoyaltyAccount']> = ResolversObject<{
  cardNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointsBalance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['LoyaltyTier'], ParentType, ContextType>;
  transactions?: Resolver<Array<ResolversTypes['LoyaltyTransaction']>, ParentType, ContextType, RequireFields<LoyaltyAccountTransactionsArgs, 'first'>>;
}>;

export type LoyaltyTransactionResolvers<ContextType = LoyaltyContext, ParentType extends ResolversParentTypes['LoyaltyTransaction'] = ResolversParentTypes['LoyaltyTransaction']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['LoyaltyChannel'], ParentType, ContextType>;
  externalRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['LoyaltyTransactionType'], ParentType, ContextType>;
}>;

export type OrderResolvers<ContextType = LoyaltyContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  loyaltyPointsEarned?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = LoyaltyContext> = ResolversObject<{
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Identity?: IdentityResolvers<ContextType>;
  LoyaltyAccount?: LoyaltyAccountResolvers<ContextType>;
  LoyaltyTransaction?: LoyaltyTransactionResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
}>;

