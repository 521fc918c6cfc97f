// The console's operations, checked against the public API schema by graphql-codegen (`npm run
// codegen`; `npm test` fails when one no longer matches it).
import { graphql } from '../generated';

/** Money as every screen shows it (shared/format.ts formatMoney). */
export const MoneyFields = graphql(`
  fragment Money on Money {
    centAmount
    currencyCode
  }
`);

export const FindCustomers = graphql(`
  query FindCustomers($phone: String, $email: String, $loyaltyCard: String, $name: String) {
    findCustomers(phone: $phone, email: $email, loyaltyCard: $loyaltyCard, name: $name) {
      id
      firstName
      lastName
      email
      phone
      identities {
        system
        externalId
      }
    }
  }
`);

// TODO(issue 14, after main's 18:00 merge): loyaltyCards, vouchers, calls and each order's returns.
export const Customer360 = graphql(`
  query Customer360($id: ID!) {
    customer(id: $id) {
      id
      firstName
      lastName
      email
      phone
      identities {
        system
        externalId
      }
      loyalty {
        cardNumber
        tier
        pointsBalance
      }
      orders(first: 25) {
        edges {
          node {
            id
            channel
            placedAt
            status
            total {
              ...Money
            }
            fulfillment {
              type
              store {
                id
                name
              }
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
      cases {
        id
        subject
        status
        channel
        openedAt
        closedAt
      }
      journey(first: 10) {
        edges {
          node {
            at
            channel
            kind
            detail
          }
        }
      }
    }
  }
`);

export const SearchProducts = graphql(`
  query SearchProducts($search: String!) {
    products(search: $search, first: 8) {
      edges {
        node {
          sku
          ean
          name
          price {
            ...Money
          }
        }
      }
    }
  }
`);

export const Quote = graphql(`
  query QuoteBasket($phone: QuoteInput!, $web: QuoteInput!) {
    phone: quote(input: $phone) {
      ...QuoteFigures
    }
    web: quote(input: $web) {
      ...QuoteFigures
    }
  }
  fragment QuoteFigures on Quote {
    lines {
      product {
        sku
        name
      }
      quantity
      lineTotal {
        ...Money
      }
    }
    appliedPromotions {
      promotion {
        id
        name
        code
      }
      amount {
        ...Money
      }
    }
    rejectedPromoCodes {
      code
      reason
    }
    subtotal {
      ...Money
    }
    discount {
      ...Money
    }
    total {
      ...Money
    }
    loyaltyPointsEarned
  }
`);

export const PickupStores = graphql(`
  query PickupStores($sku: ID!) {
    product(sku: $sku) {
      sku
      name
      stockByStore {
        available
        store {
          id
        }
      }
    }
    stores {
      id
      name
      isOpen
      address {
        city
      }
      openingHours {
        day
        opens
        closes
      }
    }
  }
`);

export const PlaceOrder = graphql(`
  mutation PlacePickupOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      id
      status
      total {
        ...Money
      }
      fulfillment {
        store {
          id
          name
        }
      }
    }
  }
`);

export const OpenCase = graphql(`
  mutation OpenCase($input: OpenCaseInput!) {
    openCase(input: $input) {
      id
      subject
      status
    }
  }
`);

export const GrantGoodwill = graphql(`
  mutation GrantGoodwill($customerId: ID!, $amount: Int!, $reason: String!) {
    grantGoodwill(customerId: $customerId, amount: $amount, reason: $reason) {
      code
      amount {
        ...Money
      }
      expiresAt
    }
  }
`);
