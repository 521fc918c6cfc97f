// The custom scalars serialize to what goes on the wire: a subgraph called in-process hands its
// answer over as it is, with no JSON in between, so a value JSON would have turned into a string
// must already be that string (a Date there broke the journey of a customer with a pickup).
import { GraphQLError } from 'graphql';
import { CUSTOM_SCALARS } from '../../schema/scalars';

describe('DateTime', () => {
  const { DateTime } = CUSTOM_SCALARS;

  it.each([
    ['an instant as the project writes them', '2026-12-03T10:26:29.000Z', '2026-12-03T10:26:29.000Z'],
    ['a Date', new Date('2026-12-03T10:26:29Z'), '2026-12-03T10:26:29.000Z'],
    ['a time with an offset', '2026-12-03T11:26:29+01:00', '2026-12-03T10:26:29.000Z'],
  ])('serializes %s to the string JSON would carry', (_, value, wire) => {
    const serialized = DateTime.serialize(value);
    expect(serialized).toBe(wire);
    expect(serialized).toBe(JSON.parse(JSON.stringify(serialized)));
  });

  it('serializes a Unix time in ms, as before', () => {
    expect(DateTime.serialize(Date.UTC(2026, 11, 3, 10, 26, 29))).toBe('2026-12-03T10:26:29.000Z');
  });

  it('refuses what is no time, with a GraphQL error: a number JSON would have written as null too', () => {
    expect(() => DateTime.serialize('yesterday')).toThrow(/DateTime cannot represent/);
    expect(() => DateTime.serialize(new Date('nope'))).toThrow(/invalid Date/);
    for (const number of [NaN, 1e20]) expect(() => DateTime.serialize(number)).toThrow(GraphQLError);
  });

  it('parses input as before: a Date for the resolvers', () => {
    expect(DateTime.parseValue('2026-12-03T10:26:29Z')).toEqual(new Date('2026-12-03T10:26:29Z'));
  });
});
