// The ROPO dashboard's one operation: every figure on the page comes from this answer.
import { graphql } from '../generated';

// TODO(issue 14, after main's 18:00 merge): web purchases, showrooming share, revenues, byStore and byWeek.
export const RopoDashboard = graphql(`
  query RopoDashboard($from: DateTime!, $to: DateTime!, $lookbackDays: Int!) {
    ropoReport(from: $from, to: $to, lookbackDays: $lookbackDays) {
      from
      to
      lookbackDays
      storePurchases
      ropoPurchases
      ropoRate
      showroomingPurchases
      byCategory {
        category
        storePurchases
        ropoPurchases
        ropoRate
        showroomingPurchases
      }
    }
  }
`);
