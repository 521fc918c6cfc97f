// Every subgraph's definition, given the clients and stores they share in this process.
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

export type SubgraphDeps = IdentityDeps & OrdersDeps & PosDeps & EshopDeps & CrmDeps & LoyaltyDeps & OffersDeps & InsightsDeps;

export function subgraphDefinitions(deps: SubgraphDeps): Record<SubgraphName, SubgraphDefinition> {
  return {
    identity: { name: 'identity', resolvers: identityResolvers, context: () => identityContext(deps) },
    orders: { name: 'orders', resolvers: ordersResolvers, context: () => ordersContext(deps) },
    pos: { name: 'pos', resolvers: posResolvers, context: () => posContext(deps) },
    eshop: { name: 'eshop', resolvers: eshopResolvers, context: () => eshopContext(deps) },
    crm: { name: 'crm', resolvers: crmResolvers, context: () => crmContext(deps) },
    loyalty: { name: 'loyalty', resolvers: loyaltyResolvers, context: () => loyaltyContext(deps) },
    offers: { name: 'offers', resolvers: offersResolvers, context: () => offersContext(deps) },
    insights: { name: 'insights', resolvers: insightsResolvers, context: () => insightsContext(deps) },
  };
}
