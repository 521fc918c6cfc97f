// The console's operations, checked against the public API schema by graphql-codegen (`npm run
// codegen`; `npm test` fails when one no longer matches it).
import { graphql } from '../generated';

// `...Money`: shared/fragments.ts

/** Who a customer is, as the search lists them and the 360 heads them. */
export const CustomerHeader = graphql(`
  fragment CustomerHeader on Customer {
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
`);

export const FindCustomers = graphql(`
  query FindCustomers($phone: String, $email: String, $loyaltyCard: String, $name: String) {
    findCustomers(phone: $phone, email: $email, loyaltyCard: $loyaltyCard, name: $name) {
      ...CustomerHeader
    }
  }
`);

export const Customer360 = graphql(`
  query Customer360($id: ID!) {
    customer(id: $id) {
      ...CustomerHeader
      loyalty {
        cardNumber
        tier
        pointsBalance
      }
      loyaltyCards {
        cardNumber
        tier
        pointsBalance
      }
      vouchers {
        code
        status
        amount {
          ...Money
        }
        grantedAt
        expiresAt
        reason
      }
      calls {
        id
        at
        reason
        durationSeconds
        agent
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
            returns {
              id
              refund {
                ...Money
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

/** A product as the product picker lists it. */
export const PickableProduct = graphql(`
  fragment PickableProduct on Product {
    sku
    ean
    name
    price {
      ...Money
    }
  }
`);

export const ProductByEan = graphql(`
  query ProductByEan($ean: ID!) {
    productByEan(ean: $ean) {
      ...PickableProduct
    }
  }
`);

export const SearchProducts = graphql(`
  query SearchProducts($search: String!) {
    products(search: $search, first: 8) {
      edges {
        node {
          ...PickableProduct
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
  mutation GrantGoodwill($customerId: ID!, $amount: Int!, $reason: String!, $idempotencyKey: String!) {
    grantGoodwill(customerId: $customerId, amount: $amount, reason: $reason, idempotencyKey: $idempotencyKey) {
      code
      amount {
        ...Money
      }
      expiresAt
    }
  }
`);

export const CloseCase = graphql(`
  mutation CloseCase($id: ID!, $resolution: String!) {
    closeCase(id: $id, resolution: $resolution) {
      id
      status
      closedAt
    }
  }
`);

export const NearestStores = graphql(`
  query NearestStoresWithStock($sku: ID!, $storeId: ID!, $quantity: Int!) {
    product(sku: $sku) {
      sku
      nearestStoresWithStock(storeId: $storeId, quantity: $quantity) {
        available
        store {
          id
          name
          address {
            city
          }
        }
      }
    }
  }
`);
