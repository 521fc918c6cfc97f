import { assertFullCustomerView, requireRole } from '../../platform/auth/rules';
import { badInput, notFound } from '../../platform/errors';
import { supportCaseFromCrm } from '../../adapters/crm/mapping';
import { closeCase } from '../../domain/cases/closeCase';
import { checkedNewCase } from '../../domain/cases/openCase';
import { externalIdIn } from '../../domain/identity/records';
import { externalIds } from '../kit/customerRef';
import type { Resolvers } from './generated';

export const resolvers: Resolvers = {
  Mutation: {
    openCase: async (_, { input }, ctx) => {
      requireRole(ctx, 'agent');
      const { subject, body } = checkedNewCase(input.subject, input.body);
      const customer = (await ctx.identity.identitiesOf([input.customerId])).get(input.customerId);
      if (!customer) throw notFound(`Unknown customer ${input.customerId}`);
      // the CRM cannot create contacts: a case needs the one the customer already has
      const contactId = externalIdIn(customer.records, 'crm');
      if (!contactId) throw badInput('This customer has no call center contact to open a case for');
      const created = await ctx.crm.createCase({
        contact_id: contactId,
        subject,
        body,
        channel: input.channel.toLowerCase() as 'phone' | 'email' | 'store',
      });
      return supportCaseFromCrm(created);
    },
    closeCase: async (_, { id, resolution }, ctx) => {
      requireRole(ctx, 'agent');
      return supportCaseFromCrm(await closeCase(ctx, id, resolution));
    },
  },
  Customer: {
    cases: async (customer, _, ctx) => {
      assertFullCustomerView(ctx);
      const lists = await Promise.all(externalIds(customer, 'CRM').map((id) => ctx.casesByContact.load(id)));
      return lists.flat().sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    },
    calls: async (customer, _, ctx) => {
      requireRole(ctx, 'agent');
      const lists = await Promise.all(externalIds(customer, 'CRM').map((id) => ctx.callsByContact.load(id)));
      return lists.flat().sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
    },
  },
};
