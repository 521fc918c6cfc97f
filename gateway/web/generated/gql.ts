/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment Money on Money {\n    centAmount\n    currencyCode\n  }\n": typeof types.MoneyFragmentDoc,
    "\n  query FindCustomers($phone: String, $email: String, $loyaltyCard: String, $name: String) {\n    findCustomers(phone: $phone, email: $email, loyaltyCard: $loyaltyCard, name: $name) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n    }\n  }\n": typeof types.FindCustomersDocument,
    "\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n      loyalty {\n        cardNumber\n        tier\n        pointsBalance\n      }\n      orders(first: 25) {\n        edges {\n          node {\n            id\n            channel\n            placedAt\n            status\n            total {\n              ...Money\n            }\n            fulfillment {\n              type\n              store {\n                id\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      cases {\n        id\n        subject\n        status\n        channel\n        openedAt\n        closedAt\n      }\n      journey(first: 10) {\n        edges {\n          node {\n            at\n            channel\n            kind\n            detail\n          }\n        }\n      }\n    }\n  }\n": typeof types.Customer360Document,
    "\n  query SearchProducts($search: String!) {\n    products(search: $search, first: 8) {\n      edges {\n        node {\n          sku\n          ean\n          name\n          price {\n            ...Money\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchProductsDocument,
    "\n  query QuoteBasket($phone: QuoteInput!, $web: QuoteInput!) {\n    phone: quote(input: $phone) {\n      ...QuoteFigures\n    }\n    web: quote(input: $web) {\n      ...QuoteFigures\n    }\n  }\n  fragment QuoteFigures on Quote {\n    lines {\n      product {\n        sku\n        name\n      }\n      quantity\n      lineTotal {\n        ...Money\n      }\n    }\n    appliedPromotions {\n      promotion {\n        id\n        name\n        code\n      }\n      amount {\n        ...Money\n      }\n    }\n    rejectedPromoCodes {\n      code\n      reason\n    }\n    subtotal {\n      ...Money\n    }\n    discount {\n      ...Money\n    }\n    total {\n      ...Money\n    }\n    loyaltyPointsEarned\n  }\n": typeof types.QuoteBasketDocument,
    "\n  query PickupStores($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      name\n      stockByStore {\n        available\n        store {\n          id\n        }\n      }\n    }\n    stores {\n      id\n      name\n      isOpen\n      address {\n        city\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n    }\n  }\n": typeof types.PickupStoresDocument,
    "\n  mutation PlacePickupOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      id\n      status\n      total {\n        ...Money\n      }\n      fulfillment {\n        store {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PlacePickupOrderDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n": typeof types.OpenCaseDocument,
    "\n  mutation GrantGoodwill($customerId: ID!, $amount: Int!, $reason: String!) {\n    grantGoodwill(customerId: $customerId, amount: $amount, reason: $reason) {\n      code\n      amount {\n        ...Money\n      }\n      expiresAt\n    }\n  }\n": typeof types.GrantGoodwillDocument,
    "\n  query RopoDashboard($from: DateTime!, $to: DateTime!, $lookbackDays: Int!) {\n    ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {\n      from\n      to\n      lookbackDays\n      storePurchases\n      ropoPurchases\n      ropoRate\n      showroomingPurchases\n      byCategory {\n        category\n        storePurchases\n        ropoPurchases\n        ropoRate\n        showroomingPurchases\n      }\n    }\n  }\n": typeof types.RopoDashboardDocument,
};
const documents: Documents = {
    "\n  fragment Money on Money {\n    centAmount\n    currencyCode\n  }\n": types.MoneyFragmentDoc,
    "\n  query FindCustomers($phone: String, $email: String, $loyaltyCard: String, $name: String) {\n    findCustomers(phone: $phone, email: $email, loyaltyCard: $loyaltyCard, name: $name) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n    }\n  }\n": types.FindCustomersDocument,
    "\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n      loyalty {\n        cardNumber\n        tier\n        pointsBalance\n      }\n      orders(first: 25) {\n        edges {\n          node {\n            id\n            channel\n            placedAt\n            status\n            total {\n              ...Money\n            }\n            fulfillment {\n              type\n              store {\n                id\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      cases {\n        id\n        subject\n        status\n        channel\n        openedAt\n        closedAt\n      }\n      journey(first: 10) {\n        edges {\n          node {\n            at\n            channel\n            kind\n            detail\n          }\n        }\n      }\n    }\n  }\n": types.Customer360Document,
    "\n  query SearchProducts($search: String!) {\n    products(search: $search, first: 8) {\n      edges {\n        node {\n          sku\n          ean\n          name\n          price {\n            ...Money\n          }\n        }\n      }\n    }\n  }\n": types.SearchProductsDocument,
    "\n  query QuoteBasket($phone: QuoteInput!, $web: QuoteInput!) {\n    phone: quote(input: $phone) {\n      ...QuoteFigures\n    }\n    web: quote(input: $web) {\n      ...QuoteFigures\n    }\n  }\n  fragment QuoteFigures on Quote {\n    lines {\n      product {\n        sku\n        name\n      }\n      quantity\n      lineTotal {\n        ...Money\n      }\n    }\n    appliedPromotions {\n      promotion {\n        id\n        name\n        code\n      }\n      amount {\n        ...Money\n      }\n    }\n    rejectedPromoCodes {\n      code\n      reason\n    }\n    subtotal {\n      ...Money\n    }\n    discount {\n      ...Money\n    }\n    total {\n      ...Money\n    }\n    loyaltyPointsEarned\n  }\n": types.QuoteBasketDocument,
    "\n  query PickupStores($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      name\n      stockByStore {\n        available\n        store {\n          id\n        }\n      }\n    }\n    stores {\n      id\n      name\n      isOpen\n      address {\n        city\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n    }\n  }\n": types.PickupStoresDocument,
    "\n  mutation PlacePickupOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      id\n      status\n      total {\n        ...Money\n      }\n      fulfillment {\n        store {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PlacePickupOrderDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n": types.OpenCaseDocument,
    "\n  mutation GrantGoodwill($customerId: ID!, $amount: Int!, $reason: String!) {\n    grantGoodwill(customerId: $customerId, amount: $amount, reason: $reason) {\n      code\n      amount {\n        ...Money\n      }\n      expiresAt\n    }\n  }\n": types.GrantGoodwillDocument,
    "\n  query RopoDashboard($from: DateTime!, $to: DateTime!, $lookbackDays: Int!) {\n    ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {\n      from\n      to\n      lookbackDays\n      storePurchases\n      ropoPurchases\n      ropoRate\n      showroomingPurchases\n      byCategory {\n        category\n        storePurchases\n        ropoPurchases\n        ropoRate\n        showroomingPurchases\n      }\n    }\n  }\n": types.RopoDashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Money on Money {\n    centAmount\n    currencyCode\n  }\n"): (typeof documents)["\n  fragment Money on Money {\n    centAmount\n    currencyCode\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindCustomers($phone: String, $email: String, $loyaltyCard: String, $name: String) {\n    findCustomers(phone: $phone, email: $email, loyaltyCard: $loyaltyCard, name: $name) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n    }\n  }\n"): (typeof documents)["\n  query FindCustomers($phone: String, $email: String, $loyaltyCard: String, $name: String) {\n    findCustomers(phone: $phone, email: $email, loyaltyCard: $loyaltyCard, name: $name) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n      loyalty {\n        cardNumber\n        tier\n        pointsBalance\n      }\n      orders(first: 25) {\n        edges {\n          node {\n            id\n            channel\n            placedAt\n            status\n            total {\n              ...Money\n            }\n            fulfillment {\n              type\n              store {\n                id\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      cases {\n        id\n        subject\n        status\n        channel\n        openedAt\n        closedAt\n      }\n      journey(first: 10) {\n        edges {\n          node {\n            at\n            channel\n            kind\n            detail\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      phone\n      identities {\n        system\n        externalId\n      }\n      loyalty {\n        cardNumber\n        tier\n        pointsBalance\n      }\n      orders(first: 25) {\n        edges {\n          node {\n            id\n            channel\n            placedAt\n            status\n            total {\n              ...Money\n            }\n            fulfillment {\n              type\n              store {\n                id\n                name\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      cases {\n        id\n        subject\n        status\n        channel\n        openedAt\n        closedAt\n      }\n      journey(first: 10) {\n        edges {\n          node {\n            at\n            channel\n            kind\n            detail\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchProducts($search: String!) {\n    products(search: $search, first: 8) {\n      edges {\n        node {\n          sku\n          ean\n          name\n          price {\n            ...Money\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchProducts($search: String!) {\n    products(search: $search, first: 8) {\n      edges {\n        node {\n          sku\n          ean\n          name\n          price {\n            ...Money\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteBasket($phone: QuoteInput!, $web: QuoteInput!) {\n    phone: quote(input: $phone) {\n      ...QuoteFigures\n    }\n    web: quote(input: $web) {\n      ...QuoteFigures\n    }\n  }\n  fragment QuoteFigures on Quote {\n    lines {\n      product {\n        sku\n        name\n      }\n      quantity\n      lineTotal {\n        ...Money\n      }\n    }\n    appliedPromotions {\n      promotion {\n        id\n        name\n        code\n      }\n      amount {\n        ...Money\n      }\n    }\n    rejectedPromoCodes {\n      code\n      reason\n    }\n    subtotal {\n      ...Money\n    }\n    discount {\n      ...Money\n    }\n    total {\n      ...Money\n    }\n    loyaltyPointsEarned\n  }\n"): (typeof documents)["\n  query QuoteBasket($phone: QuoteInput!, $web: QuoteInput!) {\n    phone: quote(input: $phone) {\n      ...QuoteFigures\n    }\n    web: quote(input: $web) {\n      ...QuoteFigures\n    }\n  }\n  fragment QuoteFigures on Quote {\n    lines {\n      product {\n        sku\n        name\n      }\n      quantity\n      lineTotal {\n        ...Money\n      }\n    }\n    appliedPromotions {\n      promotion {\n        id\n        name\n        code\n      }\n      amount {\n        ...Money\n      }\n    }\n    rejectedPromoCodes {\n      code\n      reason\n    }\n    subtotal {\n      ...Money\n    }\n    discount {\n      ...Money\n    }\n    total {\n      ...Money\n    }\n    loyaltyPointsEarned\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickupStores($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      name\n      stockByStore {\n        available\n        store {\n          id\n        }\n      }\n    }\n    stores {\n      id\n      name\n      isOpen\n      address {\n        city\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n    }\n  }\n"): (typeof documents)["\n  query PickupStores($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      name\n      stockByStore {\n        available\n        store {\n          id\n        }\n      }\n    }\n    stores {\n      id\n      name\n      isOpen\n      address {\n        city\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlacePickupOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      id\n      status\n      total {\n        ...Money\n      }\n      fulfillment {\n        store {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PlacePickupOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      id\n      status\n      total {\n        ...Money\n      }\n      fulfillment {\n        store {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantGoodwill($customerId: ID!, $amount: Int!, $reason: String!) {\n    grantGoodwill(customerId: $customerId, amount: $amount, reason: $reason) {\n      code\n      amount {\n        ...Money\n      }\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation GrantGoodwill($customerId: ID!, $amount: Int!, $reason: String!) {\n    grantGoodwill(customerId: $customerId, amount: $amount, reason: $reason) {\n      code\n      amount {\n        ...Money\n      }\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RopoDashboard($from: DateTime!, $to: DateTime!, $lookbackDays: Int!) {\n    ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {\n      from\n      to\n      lookbackDays\n      storePurchases\n      ropoPurchases\n      ropoRate\n      showroomingPurchases\n      byCategory {\n        category\n        storePurchases\n        ropoPurchases\n        ropoRate\n        showroomingPurchases\n      }\n    }\n  }\n"): (typeof documents)["\n  query RopoDashboard($from: DateTime!, $to: DateTime!, $lookbackDays: Int!) {\n    ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {\n      from\n      to\n      lookbackDays\n      storePurchases\n      ropoPurchases\n      ropoRate\n      showroomingPurchases\n      byCategory {\n        category\n        storePurchases\n        ropoPurchases\n        ropoRate\n        showroomingPurchases\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;