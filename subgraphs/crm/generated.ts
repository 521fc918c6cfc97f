import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { SupportCase as SupportCaseModel, Call as CallModel } from '../../domain/types';
import { CustomerRef as CustomerRefModel } from './model';
import { CrmContext } from './context';
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

/** A call the call center took, as the CRM logged it. */
export type Call = {
  __typename?: 'Call';
  /** The agent who took it, as the CRM names them. */
  agent: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  durationSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Why the customer called, as the agent logged it. */
  reason: Scalars['String']['output'];
};

export type CaseChannel =
  | 'EMAIL'
  | 'PHONE'
  | 'STORE';

export type CaseStatus =
  | 'CLOSED'
  | 'OPEN';

export type Customer = {
  __typename?: 'Customer';
  /**
   * The calls the call center took from this customer's CRM contacts, newest first, in the request's
   * one CRM batch (agents). Null when the CRM is unavailable, with one SYSTEM_UNAVAILABLE.
   */
  calls?: Maybe<Array<Call>>;
  /** Call center cases, newest first; null when the CRM is unavailable. */
  cases?: Maybe<Array<SupportCase>>;
  id: Scalars['ID']['output'];
  identities: Array<Identity>;
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

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Closes a call center case with the agent's resolution (1 to 5000 characters; agents). CONFLICT when
   * it is closed already, NOT_FOUND when the CRM does not know it.
   */
  closeCase: SupportCase;
  /** A call center case for a customer who has a CRM contact (agents). */
  openCase: SupportCase;
};


export type MutationCloseCaseArgs = {
  id: Scalars['ID']['input'];
  resolution: Scalars['String']['input'];
};


export type MutationOpenCaseArgs = {
  input: OpenCaseInput;
};

export type OpenCaseInput = {
  /** 1 to 5000 characters */
  body: Scalars['String']['input'];
  channel: CaseChannel;
  customerId: Scalars['ID']['input'];
  /** 1 to 200 characters */
  subject: Scalars['String']['input'];
};

export type SupportCase = {
  __typename?: 'SupportCase';
  body: Scalars['String']['output'];
  channel: CaseChannel;
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  openedAt: Scalars['DateTime']['output'];
  status: CaseStatus;
  subject: Scalars['String']['output'];
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
        | GraphQLRecursivePick<FederationTypes['Customer'], {"identities":{"system":true,"externalId":true}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Call: ResolverTypeWrapper<CallModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CaseChannel: CaseChannel;
  CaseStatus: CaseStatus;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Identity: ResolverTypeWrapper<Identity>;
  LegacySystem: LegacySystem;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpenCaseInput: OpenCaseInput;
  SupportCase: ResolverTypeWrapper<SupportCaseModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Call: CallModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Customer: CustomerRefModel;
  DateTime: Scalars['DateTime']['output'];
  Identity: Identity;
  Mutation: Record<PropertyKey, never>;
  OpenCaseInput: OpenCaseInput;
  SupportCase: SupportCaseModel;
  Boolean: Scalars['Boolean']['output'];
}>;

export type CallResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Call'] = ResolversParentTypes['Call']> = ResolversObject<{
  agent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  calls?: Resolver<Maybe<Array<ResolversTypes['Call']>>, ParentType, ContextType>;
  cases?: Resolver<Maybe<Array<ResolversTypes['SupportCase']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IdentityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Identity'] = ResolversParentTypes['Identity']> = ResolversObject<{
  externalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['LegacySystem'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  closeCase?: Resolver<ResolversTypes['SupportCase'], ParentType, ContextType, RequireFields<MutationCloseCaseArgs, 'id' | 'resolution'>>;
  openCase?: Resolver<ResolversTypes['SupportCase'], ParentType, ContextType, RequireFields<MutationOpenCaseArgs, 'input'>>;
}>;

export type SupportCaseResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['SupportCase'] = ResolversParentTypes['SupportCase']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['CaseChannel'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CaseStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CrmContext> = ResolversObject<{
  Call?: CallResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Identity?: IdentityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  SupportCase?: SupportCaseResolvers<ContextType>;
}>;

