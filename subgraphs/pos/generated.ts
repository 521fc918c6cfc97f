import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Store as StoreModel, StockLevel as StockLevelModel } from '../../domain/types';
import { ProductRef as ProductRefModel } from './model';
import { PosContext } from './context';
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

export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  street: Scalars['String']['output'];
  zip: Scalars['String']['output'];
};

export type DayOfWeek =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

/** Opening hours in the store's local time (Europe/Paris). A closed day has no entry. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  closes: Scalars['String']['output'];
  day: DayOfWeek;
  opens: Scalars['String']['output'];
};

export type Product = {
  __typename?: 'Product';
  /** Null when the POS is unavailable: the product is still answered. */
  availability?: Maybe<StoreAvailability>;
  ean: Scalars['String']['output'];
  /**
   * The stores other than storeId with at least `quantity` of this product available, nearest first,
   * `first` of them: where to send a customer when the chosen store lacks it. The store directory has
   * no coordinates, so nearness is told by the zip: the same département first (the zip's first two
   * digits, three overseas), then the same region, then the nearest zip number, then the store id.
   * Each store's stock is read once (with the other products asked of it); a store whose stock cannot
   * be read is left out, with one SYSTEM_UNAVAILABLE naming pos for the field; null when none can be.
   * NOT_FOUND for an unknown storeId.
   */
  nearestStoresWithStock?: Maybe<Array<StoreAvailability>>;
  /** Every store's availability of this product: null for a store whose stock cannot be read, the list null when the store list cannot. */
  stockByStore?: Maybe<Array<Maybe<StoreAvailability>>>;
};


export type ProductAvailabilityArgs = {
  storeId: Scalars['ID']['input'];
};


export type ProductNearestStoresWithStockArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  quantity?: InputMaybe<Scalars['Int']['input']>;
  storeId: Scalars['ID']['input'];
};

export type Query = {
  __typename?: 'Query';
  store?: Maybe<Store>;
  /** Nullable where the contract says [Store!]!: with the POS down before the list was first read, null and one SYSTEM_UNAVAILABLE, not a null answer. */
  stores?: Maybe<Array<Store>>;
};


export type QueryStoreArgs = {
  id: Scalars['ID']['input'];
};

export type Store = {
  __typename?: 'Store';
  address: Address;
  /** Null when this store's stock cannot be read: the store and the other stores are still answered. */
  availability?: Maybe<StoreAvailability>;
  /** POS store code, e.g. ST042 */
  id: Scalars['ID']['output'];
  /** Whether the store is open at that instant (default: now). */
  isOpen: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  openingHours: Array<OpeningHours>;
  /** E.164 */
  phone?: Maybe<Scalars['String']['output']>;
};


export type StoreAvailabilityArgs = {
  sku: Scalars['ID']['input'];
};


export type StoreIsOpenArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};

export type StoreAvailability = {
  __typename?: 'StoreAvailability';
  /** On hand minus reserved, never negative. */
  available: Scalars['Int']['output'];
  onHand: Scalars['Int']['output'];
  product: Product;
  reserved: Scalars['Int']['output'];
  store: Store;
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
  Product: Product;
  Store: Store;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"ean":true}> );
  Store:
    ( { __typename: 'Store' }
    & GraphQLRecursivePick<FederationTypes['Store'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DayOfWeek: DayOfWeek;
  OpeningHours: ResolverTypeWrapper<OpeningHours>;
  Product: ResolverTypeWrapper<ProductRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Store: ResolverTypeWrapper<StoreModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  StoreAvailability: ResolverTypeWrapper<StockLevelModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  OpeningHours: OpeningHours;
  Product: ProductRefModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Query: Record<PropertyKey, never>;
  Store: StoreModel;
  Boolean: Scalars['Boolean']['output'];
  StoreAvailability: StockLevelModel;
}>;

export type AddressResolvers<ContextType = PosContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type OpeningHoursResolvers<ContextType = PosContext, ParentType extends ResolversParentTypes['OpeningHours'] = ResolversParentTypes['OpeningHours']> = ResolversObject<{
  closes?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['DayOfWeek'], ParentType, ContextType>;
  opens?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = PosContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<Maybe<ResolversTypes['StoreAvailability']>, ParentType, ContextType, RequireFields<ProductAvailabilityArgs, 'storeId'>>;
  ean?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nearestStoresWithStock?: Resolver<Maybe<Array<ResolversTypes['StoreAvailability']>>, ParentType, ContextType, RequireFields<ProductNearestStoresWithStockArgs, 'first' | 'quantity' | 'storeId'>>;
  stockByStore?: Resolver<Maybe<Array<Maybe<ResolversTypes['StoreAvailability']>>>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PosContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  store?: Resolver<Maybe<ResolversTypes['Store']>, ParentType, ContextType, RequireFields<QueryStoreArgs, 'id'>>;
  stores?: Resolver<Maybe<Array<ResolversTypes['Store']>>, ParentType, ContextType>;
}>;

export type StoreResolvers<ContextType = PosContext, ParentType extends ResolversParentTypes['Store'] = ResolversParentTypes['Store'], FederationReferenceType extends FederationReferenceTypes['Store'] = FederationReferenceTypes['Store']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Store']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  availability?: Resolver<Maybe<ResolversTypes['StoreAvailability']>, ParentType, ContextType, RequireFields<StoreAvailabilityArgs, 'sku'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isOpen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, Partial<StoreIsOpenArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingHours?: Resolver<Array<ResolversTypes['OpeningHours']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type StoreAvailabilityResolvers<ContextType = PosContext, ParentType extends ResolversParentTypes['StoreAvailability'] = ResolversParentTypes['StoreAvailability']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  store?: Resolver<ResolversTypes['Store'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PosContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  OpeningHours?: OpeningHoursResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Store?: StoreResolvers<ContextType>;
  StoreAvailability?: StoreAvailabilityResolvers<ContextType>;
}>;

