// The loyalty vendor's platform: JSON behind OAuth2 client credentials, rate limited per client.
import { randomBytes } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import type { LoyaltyMember, LoyaltyTxn } from '../adapters/loyalty/wire';
import type { LoyaltyData } from './model';
import { BODY_LIMIT, created, jsonRoute, ok, queryParam, sendJsonError } from './sim/http';
import { IdSequence } from './sim/ids';
import { addTo, groupBy, indexBy } from './sim/indexes';
import { newestFirst } from './sim/newest-first';
import { foldedEmail } from './sim/keys';
import { pristineCopies } from './sim/pristine';
import { RollingRateLimit } from './sim/rate-limit';
import { badRequest, notFound, Rejection } from './sim/rejection';
import type { SimSystem } from './sim/types';
import { validate } from './sim/validate';

export const DEFAULT_LOYALTY_CLIENT = { clientId: 'omnigraph', clientSecret: 'sim-loyalty-secret' };
export const DEFAULT_TOKEN_TTL_S = 300;
const REQUESTS_PER_SECOND = 20;
const MAX_BATCH_CARDS = 100;
const TIERS = ['BASIC', 'SILVER', 'GOLD'] as const;

export interface LoyaltyOptions {
  clientId?: string;
  clientSecret?: string;
  tokenTtlS?: number;
}

const tokenRequest = z.object({ grant_type: z.literal('client_credentials'), client_id: z.string(), client_secret: z.string() });
const batchGet = z.object({ cards: z.array(z.string()).max(MAX_BATCH_CARDS) });
// the reference states no largest limit
const limit = z.object({ limit: z.coerce.number().int().min(1).default(50) });
const offersQuery = z.object({ tier: z.enum(TIERS).optional() });
const newTxn = z.object({
  type: z.enum(['EARN', 'BURN', 'ADJUST']),
  points: z.number().int(),
  channel: z.enum(['WEB', 'STORE', 'PHONE']),
  external_ref: z.string().min(1).nullable().default(null),
});

class LoyaltyDb {
  private readonly members;
  private readonly byEmail;
  private readonly byPhone;
  private readonly txnsByCard;
  private readonly externalRefs;
  private readonly ids;

  constructor(readonly data: LoyaltyData) {
    this.members = indexBy(data.members, (m) => m.card_number);
    this.byEmail = groupBy(data.members, (m) => foldedEmail(m.email));
    this.byPhone = groupBy(data.members, (m) => m.phone_e164);
    this.txnsByCard = groupBy(data.transactions, (t) => t.card_number);
    this.externalRefs = new Set(data.transactions.flatMap((t) => (t.external_ref === null ? [] : [t.external_ref])));
    this.ids = new IdSequence(data.transactions.map((t) => t.id));
  }

  find(card: string): LoyaltyMember | undefined {
    return this.members.get(card);
  }

  member(card: string): LoyaltyMember {
    const member = this.find(card);
    if (!member) throw notFound(`member ${card} not found`);
    return member;
  }

  withEmail(email: string) {
    return this.byEmail.get(foldedEmail(email)) ?? [];
  }

  withPhone(phone: string) {
    return this.byPhone.get(phone) ?? [];
  }

  transactionsOf(card: string) {
    return this.txnsByCard.get(this.member(card).card_number) ?? [];
  }

  /** Books the points, or refuses a reused external_ref or a balance going below zero. */
  post(member: LoyaltyMember, txn: Omit<LoyaltyTxn, 'id' | 'card_number'>): LoyaltyTxn {
    if (txn.external_ref !== null && this.externalRefs.has(txn.external_ref)) {
      throw new Rejection(409, 'duplicate_external_ref', `external_ref ${txn.external_ref} was used before`);
    }
    if (member.points_balance + txn.points < 0) throw new Rejection(422, 'insufficient_points', `balance is ${member.points_balance}`);
    const added = { id: this.ids.next('TX-', 8), card_number: member.card_number, ...txn };
    member.points_balance += txn.points;
    this.data.transactions.push(added);
    addTo(this.txnsByCard, added.card_number, added);
    if (added.external_ref !== null) this.externalRefs.add(added.external_ref);
    return added;
  }
}

/** A transaction as the API shows it: without its owner's card, which is in the path. */
const txnView = ({ card_number: _owner, ...txn }: LoyaltyTxn) => txn;

/** EARN and BURN take a positive amount; the platform stores BURN negative. ADJUST is signed. */
function signedPoints({ type, points }: z.infer<typeof newTxn>): number {
  if (type === 'ADJUST') return points;
  if (points <= 0) throw badRequest(`${type} takes a positive number of points`);
  return type === 'BURN' ? -points : points;
}

export function loyaltySimulator(
  seed: LoyaltyData,
  {
    clientId = DEFAULT_LOYALTY_CLIENT.clientId,
    clientSecret = DEFAULT_LOYALTY_CLIENT.clientSecret,
    tokenTtlS: ttlS = DEFAULT_TOKEN_TTL_S,
  }: LoyaltyOptions = {},
): SimSystem {
  // Tokens and rate windows belong to the platform's clients, not to the data: a reset keeps them.
  const tokens = new Map<string, { clientId: string; expiresAt: number }>();
  const rateLimit = new RollingRateLimit(REQUESTS_PER_SECOND, 1000);
  const freshCopy = pristineCopies(seed);
  let db = new LoyaltyDb(freshCopy());

  const guard: RequestHandler = (req, res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const grant = token === undefined ? undefined : tokens.get(token);
    if (!grant || grant.expiresAt <= Date.now()) {
      sendJsonError(res, 401, 'invalid_token', 'missing, unknown or expired access token');
      return;
    }
    const waitMs = rateLimit.take(grant.clientId);
    if (waitMs > 0) {
      res.set('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
      sendJsonError(res, 429, 'rate_limited', `over ${REQUESTS_PER_SECOND} requests a second`);
      return;
    }
    next();
  };

  return {
    parsers: [express.urlencoded({ extended: false }), express.json({ limit: BODY_LIMIT })],
    guard,
    routes: [
      {
        method: 'post',
        path: '/oauth/token',
        open: true,
        handle: (req, res) => {
          const form = validate(tokenRequest, req.body);
          if (form.client_id !== clientId || form.client_secret !== clientSecret) {
            sendJsonError(res, 401, 'invalid_client', 'unknown client or wrong secret');
            return;
          }
          const access_token = randomBytes(24).toString('hex');
          tokens.set(access_token, { clientId, expiresAt: Date.now() + ttlS * 1000 });
          res.json({ access_token, expires_in: ttlS, token_type: 'Bearer' });
        },
      },
      {
        method: 'get',
        path: '/v1/members/:card',
        handle: jsonRoute((req) => ok(db.member(String(req.params.card)))),
      },
      {
        method: 'get',
        path: '/v1/members',
        handle: jsonRoute((req) => {
          const email = queryParam(req, 'email');
          const phone = queryParam(req, 'phone');
          if (email !== undefined) return ok({ members: db.withEmail(email).filter((m) => phone === undefined || m.phone_e164 === phone) });
          if (phone !== undefined) return ok({ members: db.withPhone(phone) });
          throw badRequest('give an email or a phone');
        }),
      },
      {
        method: 'post',
        // The colon belongs to the path (a Google-style custom method), not to a parameter.
        path: '/v1/members\\:batchGet',
        handle: jsonRoute((req) => ok({ members: validate(batchGet, req.body).cards.flatMap((card) => db.find(card) ?? []) })),
      },
      {
        method: 'get',
        path: '/v1/members/:card/transactions',
        handle: jsonRoute((req) => {
          const { limit: n } = validate(limit, req.query);
          const transactions = [...db.transactionsOf(String(req.params.card))].sort(newestFirst((t) => t.at));
          return ok({ transactions: transactions.slice(0, n).map(txnView) });
        }),
      },
      {
        method: 'post',
        path: '/v1/members/:card/transactions',
        handle: jsonRoute((req) => {
          const input = validate(newTxn, req.body);
          const member = db.member(String(req.params.card));
          const txn = db.post(member, { ...input, points: signedPoints(input), at: new Date().toISOString() });
          return created(txnView(txn));
        }),
      },
      {
        method: 'get',
        path: '/v1/offers',
        handle: jsonRoute((req) => {
          const { tier } = validate(offersQuery, req.query);
          return ok({ offers: db.data.offers.filter((o) => tier === undefined || o.tier === tier) });
        }),
      },
    ],
    fail: (_req, res, { status, code, message }) => sendJsonError(res, status, code, message),
    dump: () => db.data,
    reset: () => {
      db = new LoyaltyDb(freshCopy());
    },
  };
}
