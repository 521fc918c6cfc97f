import { assertFullCustomerView } from '../../auth/rules';
import { externalIds } from '../customerRef';
import type { Resolvers } from './generated';

export const resolvers: Resolvers = {
  Customer: {
    cases: async (customer, _, ctx) => {
      assertFullCustomerView(ctx);
      const lists = await Promise.all(externalIds(customer, 'CRM').map((id) => ctx.casesByContact.load(id)));
      return lists.flat().sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    },
  },
};
