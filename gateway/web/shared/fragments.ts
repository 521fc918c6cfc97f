// The fragments both pages' operations spread: codegen adds their definition to every operation that does.
import { graphql } from '../generated';

/** Money as every screen shows it (format.ts formatMoney). */
export const MoneyFields = graphql(`
  fragment Money on Money {
    centAmount
    currencyCode
  }
`);
