// The ROPO dashboard's one operation: every figure on the page comes from this answer (`...Money`: shared/fragments.ts).
import { graphql } from '../generated';

export const RopoDashboard = graphql(`
  query RopoDashboard($from: DateTime!, $to: DateTime!, $lookbackDays: Int!) {
    ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {
      from
      to
      lookbackDays
      storePurchases
      ropoPurchases
      ropoRate
      webPurchases
      showroomingPurchases
      showroomingRate
      storeRevenue {
        ...Money
      }
      ropoRevenue {
        ...Money
      }
      webRevenue {
        ...Money
      }
      showroomingRevenue {
        ...Money
      }
      byCategory {
        category
        storePurchases
        ropoPurchases
        ropoRate
        webPurchases
        showroomingPurchases
        showroomingRate
        storeRevenue {
          ...Money
        }
        ropoRevenue {
          ...Money
        }
      }
      byStore {
        store {
          id
          name
        }
        storePurchases
        ropoPurchases
        ropoRate
        showroomingPurchases
        storeRevenue {
          ...Money
        }
        ropoRevenue {
          ...Money
        }
      }
      byWeek {
        weekStart
        ropoRate
        showroomingRate
        storePurchases
        webPurchases
      }
    }
  }
`);
