// A legacy system as the graph names it (`LegacySystem`: POS, ESHOP, CRM, LOYALTY) and as the
// domain does (`System`: pos, eshop, crm, loyalty): the one conversion each way.
import type { System } from '../../platform/errors';
import type { LegacySystem } from './generated';

export const toGraphSystem = (system: System): LegacySystem => system.toUpperCase() as LegacySystem;

export const fromGraphSystem = (system: LegacySystem): System => system.toLowerCase() as System;
