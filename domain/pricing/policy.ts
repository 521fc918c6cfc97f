// The omnichannel policy (omnichannel.yaml beside this file): the only thing that decides which channels a
// promotion applies in. Read and validated once, at start-up.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../../platform/config';
import type { Channel } from '../types';
import { codeKey } from './codes';
import type { Promotion } from './model';

export const DEFAULT_POLICY_PATH = resolve(__dirname, 'omnichannel.yaml');

const channels = z
  .array(z.enum(['WEB', 'STORE', 'CALL_CENTER']))
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'a channel is listed twice');

const exception = z
  .object({
    match: z
      .object({
        id: z.string().min(1).optional(),
        source: z.enum(['pos', 'eshop', 'loyalty', 'crm']).optional(),
        code: z.string().trim().min(1).optional(),
      })
      .strict()
      .refine((m) => Object.keys(m).length > 0, 'match names at least one of id, source, code'),
    channels,
    reason: z.string().trim().min(1),
  })
  .strict();

const schema = z
  .object({
    version: z.number().int().positive(),
    // `pos` is a valid setting for whoever looks list prices up; the engine only receives them.
    // The POS cannot be the master: its prices are per store, and they are the drift being corrected.
    priceMaster: z.literal('eshop'),
    defaultChannels: channels,
    legacyChannelFlags: z.literal('report'),
    exceptions: z.array(exception).default([]),
  })
  .strict();

export type Policy = z.infer<typeof schema>;
export type PolicyException = Policy['exceptions'][number];

export interface ChannelConflict {
  promotion: Promotion;
  legacyChannels: Channel[];
  policyChannels: Channel[];
}

/** Validates an already parsed policy document; `origin` names it in the error. */
export function parsePolicy(document: unknown, origin = 'policy'): Policy {
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid omnichannel policy ${origin}: ${problems}`);
  }
  return parsed.data;
}

export function loadPolicy(path: string = DEFAULT_POLICY_PATH): Policy {
  return parsePolicy(parse(readFileSync(path, 'utf8')), path);
}

/** The channels a promotion applies in: the first matching exception's, else the defaults. */
export function channelsFor(promotion: Promotion, policy: Policy): Channel[] {
  return policy.exceptions.find((e) => matches(e, promotion))?.channels ?? policy.defaultChannels;
}

/** Promotions whose legacy channel flags say otherwise than the policy: the drift report's rows. */
export function channelConflicts(promotions: Promotion[], policy: Policy): ChannelConflict[] {
  return promotions.flatMap((promotion) => {
    const { legacyChannels } = promotion;
    const policyChannels = channelsFor(promotion, policy);
    if (legacyChannels === null || sameSet(legacyChannels, policyChannels)) return [];
    return [{ promotion, legacyChannels, policyChannels }];
  });
}

function matches({ match }: PolicyException, promotion: Promotion): boolean {
  return (
    (match.id === undefined || wildcard(match.id).test(promotion.id)) &&
    (match.source === undefined || match.source === promotion.source) &&
    (match.code === undefined || (promotion.code !== null && codeKey(match.code) === codeKey(promotion.code)))
  );
}

// Ids are not paths, so path-glob libraries (where * stops at '/') do not fit: here * is any text
// and nothing else is special. Each pattern is compiled once: every offer on a page checks every
// promotion against the policy's exceptions.
const patterns = new Map<string, RegExp>();
function wildcard(pattern: string): RegExp {
  let regExp = patterns.get(pattern);
  if (!regExp) {
    const literal = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    regExp = new RegExp(`^${literal.join('.*')}$`);
    patterns.set(pattern, regExp);
  }
  return regExp;
}

function sameSet(a: Channel[], b: Channel[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((c) => right.has(c));
}
