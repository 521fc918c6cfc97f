// Every subgraph's definition: its resolvers and its per-request context, from its own dependencies.
import { crmContext, type CrmDeps } from './crm/context';
import { resolvers as crmResolvers } from './crm/resolvers';
import { eshopContext, type EshopDeps } from './eshop/context';
import { resolvers as eshopResolvers } from './eshop/resolvers';
import { identityContext, type IdentityDeps } from './identity/context';
import { resolvers as identityResolvers } from './identity/resolvers';
import { loyaltyContext, type LoyaltyDeps } from './loyalty/context';
import { resolvers as loyaltyResolvers } from './loyalty/resolvers';
import { ordersContext, type OrdersDeps } from './orders/context';
import { resolvers as ordersResolvers } from './orders/resolvers';
import { insightsContext, type InsightsDeps } from './insights/context';
import { resolvers as insightsResolvers } from './insights/resolvers';
import { offersContext, type OffersDeps } from './offers/context';
import { resolvers as offersResolvers } from './offers/resolvers';
import { posContext, type PosDeps } from './pos/context';
import { resolvers as posResolvers } from './pos/resolvers';
import type { SubgraphDefinition } from './kit/server';
import type { SubgraphName } from '../gateway/supergraph';

/** Each subgraph's definition, given what it needs (platform/tools/pieces.ts builds that, and only that). */
export const subgraphDefinitions = {
  identity: (deps: IdentityDeps) => definition('identity', identityResolvers, () => identityContext(deps)),
  orders: (deps: OrdersDeps) => definition('orders', ordersResolvers, () => ordersContext(deps)),
  pos: (deps: PosDeps) => definition('pos', posResolvers, () => posContext(deps)),
  eshop: (deps: EshopDeps) => definition('eshop', eshopResolvers, () => eshopContext(deps)),
  crm: (deps: CrmDeps) => definition('crm', crmResolvers, () => crmContext(deps)),
  loyalty: (deps: LoyaltyDeps) => definition('loyalty', loyaltyResolvers, () => loyaltyContext(deps)),
  offers: (deps: OffersDeps) => definition('offers', offersResolvers, () => offersContext(deps)),
  insights: (deps: InsightsDeps) => definition('insights', insightsResolvers, () => insightsContext(deps)),
} satisfies Record<SubgraphName, (deps: never) => SubgraphDefinition>;

const definition = (name: SubgraphName, resolvers: object, context: () => object): SubgraphDefinition => ({ name, resolvers, context });
