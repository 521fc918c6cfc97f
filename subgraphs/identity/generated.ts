import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CustomerModel as CustomerModelModel, OrderRef as OrderRefModel } from './model';
import { Decision as DecisionModel } from '../../domain/identity/store';
import { IdentityContext } from './context';
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
  /** Normalised: trimmed and lower-cased. */
  email?: Maybe<Scalars['String']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  /** The project's own stable id (cus_...), not a legacy one. */
  id: Scalars['ID']['output'];
  /** Every legacy record linked to this person. */
  identities: Array<Identity>;
  /**
   * Why each legacy record is linked to this person: the matching rules' links (with the keys the records share) and the links agents made or undid, oldest first.
   * null, with FORBIDDEN, for a customer and store staff: the rest of the customer is still answered.
   */
  identityDecisions?: Maybe<Array<IdentityDecision>>;
  lastName?: Maybe<Scalars['String']['output']>;
  /** E.164 */
  phone?: Maybe<Scalars['String']['output']>;
};

/** One legacy record linked to a customer. */
export type Identity = {
  __typename?: 'Identity';
  /** e-shop account id, CRM contact id or loyalty card number */
  externalId: Scalars['ID']['output'];
  system: LegacySystem;
};

export type IdentityAction =
  | 'LINK'
  | 'UNLINK';

/** A link of a legacy record to a customer: made by the matching rules, or by an agent where the rules could not decide (a household, a typo). */
export type IdentityDecision = {
  __typename?: 'IdentityDecision';
  action: IdentityAction;
  /** who decided: the caller's subject, or `matching rules` */
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /** the customer the record left; null when the rules linked it as it was first seen */
  fromCustomer?: Maybe<Customer>;
  identity: Identity;
  /** the keys the two records share: EMAIL, LOYALTY_CARD, or PHONE with FIRST_NAME and LAST_NAME; empty for an agent's decision */
  keys: Array<IdentityKey>;
  /** the record the rules matched it to (null for an agent's decision) */
  matchedTo?: Maybe<Identity>;
  /** the customer the record joined */
  toCustomer: Customer;
};

/** A legacy record named by its system and id (subgraphs only). */
export type IdentityInput = {
  externalId: Scalars['ID']['input'];
  system: LegacySystem;
};

/** A key two records share, which the matching rules link them by. */
export type IdentityKey =
  | 'EMAIL'
  | 'FIRST_NAME'
  | 'LAST_NAME'
  | 'LOYALTY_CARD'
  | 'PHONE';

/** The legacy systems a record can come from. */
export type LegacySystem =
  | 'CRM'
  | 'ESHOP'
  | 'LOYALTY'
  | 'POS';

export type Mutation = {
  __typename?: 'Mutation';
  /** Moves a legacy record into this customer. The journey and the reports follow at once. */
  linkIdentity: Customer;
  /** Service role: records another subgraph read from a silo, matched by the rules as the identity index's are; answers how many. */
  observeRecords: Scalars['Int']['output'];
  /** Detaches a legacy record from this customer into a customer of its own; automatic matching will not join them again. */
  unlinkIdentity: Customer;
};


export type MutationLinkIdentityArgs = {
  customerId: Scalars['ID']['input'];
  externalId: Scalars['ID']['input'];
  system: LegacySystem;
};


export type MutationObserveRecordsArgs = {
  records: Array<PersonRecordInput>;
};


export type MutationUnlinkIdentityArgs = {
  customerId: Scalars['ID']['input'];
  externalId: Scalars['ID']['input'];
  system: LegacySystem;
};

export type Order = {
  __typename?: 'Order';
  /** The customer who placed the order; null for an anonymous store receipt. */
  customer?: Maybe<Customer>;
  id: Scalars['ID']['output'];
  placedBy?: Maybe<Identity>;
};

/** A person's record as a silo holds it, for the matching rules (subgraphs only: the ROPO ingestion reads accounts and members). */
export type PersonRecordInput = {
  /** 16 digits */
  card?: InputMaybe<Scalars['String']['input']>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** normalised: trimmed and lower-cased */
  email?: InputMaybe<Scalars['String']['input']>;
  externalId: Scalars['ID']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** E.164 */
  phone?: InputMaybe<Scalars['String']['input']>;
  system: LegacySystem;
};

export type Query = {
  __typename?: 'Query';
  customer?: Maybe<Customer>;
  /** Service role: the customer holding each loyalty card (its member, or an account it was typed on; the oldest when agents split holders). */
  customerIdsOfCards: Array<Maybe<Scalars['ID']['output']>>;
  /** Service role: the customer of each legacy record, in the order asked; null for a record no customer holds. */
  customerIdsOfRecords: Array<Maybe<Scalars['ID']['output']>>;
  /** Service role, for the other subgraphs: each id's customer as it is now (an alias names its survivor), in the order asked; null for an unknown id. */
  customersByIds: Array<Maybe<Customer>>;
  /** The call center's look-up. Phone in any format; loyalty card with or without spaces. */
  findCustomers: Array<Customer>;
  /** The signed-in customer (a customer's token); null for staff and services. */
  me?: Maybe<Customer>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerIdsOfCardsArgs = {
  cards: Array<Scalars['String']['input']>;
};


export type QueryCustomerIdsOfRecordsArgs = {
  records: Array<IdentityInput>;
};


export type QueryCustomersByIdsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryFindCustomersArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
  loyaltyCard?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
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
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Order'], {"placedBy":{"system":true,"externalId":true}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Customer: ResolverTypeWrapper<CustomerModelModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Identity: ResolverTypeWrapper<Identity>;
  IdentityAction: IdentityAction;
  IdentityDecision: ResolverTypeWrapper<DecisionModel>;
  IdentityInput: IdentityInput;
  IdentityKey: IdentityKey;
  LegacySystem: LegacySystem;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Order: ResolverTypeWrapper<OrderRefModel>;
  PersonRecordInput: PersonRecordInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Customer: CustomerModelModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Identity: Identity;
  IdentityDecision: DecisionModel;
  IdentityInput: IdentityInput;
  Mutation: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  Order: OrderRefModel;
  PersonRecordInput: PersonRecordInput;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
}>;

export type CustomerResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identities?: Resolver<Array<ResolversTypes['Identity']>, ParentType, ContextType>;
  identityDecisions?: Resolver<Maybe<Array<ResolversTypes['IdentityDecision']>>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IdentityResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Identity'] = ResolversParentTypes['Identity']> = ResolversObject<{
  externalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['LegacySystem'], ParentType, ContextType>;
}>;

export type IdentityDecisionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['IdentityDecision'] = ResolversParentTypes['IdentityDecision']> = ResolversObject<{
  action?: Resolver<ResolversTypes['IdentityAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromCustomer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  identity?: Resolver<ResolversTypes['Identity'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['IdentityKey']>, ParentType, ContextType>;
  matchedTo?: Resolver<Maybe<ResolversTypes['Identity']>, ParentType, ContextType>;
  toCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  linkIdentity?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationLinkIdentityArgs, 'customerId' | 'externalId' | 'system'>>;
  observeRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationObserveRecordsArgs, 'records'>>;
  unlinkIdentity?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationUnlinkIdentityArgs, 'customerId' | 'externalId' | 'system'>>;
}>;

export type OrderResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customerIdsOfCards?: Resolver<Array<Maybe<ResolversTypes['ID']>>, ParentType, ContextType, RequireFields<QueryCustomerIdsOfCardsArgs, 'cards'>>;
  customerIdsOfRecords?: Resolver<Array<Maybe<ResolversTypes['ID']>>, ParentType, ContextType, RequireFields<QueryCustomerIdsOfRecordsArgs, 'records'>>;
  customersByIds?: Resolver<Array<Maybe<ResolversTypes['Customer']>>, ParentType, ContextType, RequireFields<QueryCustomersByIdsArgs, 'ids'>>;
  findCustomers?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType, Partial<QueryFindCustomersArgs>>;
  me?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = IdentityContext> = ResolversObject<{
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Identity?: IdentityResolvers<ContextType>;
  IdentityDecision?: IdentityDecisionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

