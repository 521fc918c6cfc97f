import { parseReservationExport } from '../../../adapters/pos/reservation-export';
import { ConfigError } from '../../../platform/config';

const held = { id: 'RSV-000013', store: 'ST028', ref: 'W-2026-000504', status: 'held' };

describe('parseReservationExport', () => {
  it("reads the POS's export of its reservations, fields it does not need left out", () => {
    expect(parseReservationExport(JSON.stringify([{ ...held, lines: [] }]), 'f.json')).toEqual([held]);
  });

  it('stops the start-up with the file named and what is wrong in it', () => {
    expect(() => parseReservationExport('[', 'f.json')).toThrow(new ConfigError('Invalid POS reservation export f.json: not JSON'));
    expect(() => parseReservationExport(JSON.stringify([{ id: 'RSV-1' }]), 'bad.json')).toThrow(/bad\.json: 0\.store/);
    expect(() => parseReservationExport(JSON.stringify([{ ...held, status: 'lost' }]), 'f.json')).toThrow(ConfigError);
  });
});
