import { decodeStock, parsePosXml } from '../../../adapters/pos/xml';

describe('reading the POS XML', () => {
  it('gives attributes and child elements by name, repeated ones as arrays, text-only elements as their text', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<stores>\n  <store code="ST042">\n    <name> Rivoli </name><street/>' +
      '<hours day="MON" open="09:00" close="19:30"/>\n  </store>\n</stores>';
    expect(parsePosXml(xml)).toEqual({
      stores: { store: [{ code: 'ST042', name: 'Rivoli', street: '', hours: [{ day: 'MON', open: '09:00', close: '19:30' }] }] },
    });
    expect(parsePosXml('<stock store="ST042"/>')).toEqual({ stock: { store: 'ST042' } });
    expect(parsePosXml('<stores></stores>')).toEqual({ stores: '' });
  });

  it('decodes entities and character references, in attributes and text', () => {
    expect(parsePosXml('<error code="a&amp;b" message="&lt;x&gt; &#233;&#x20AC;"/>')).toEqual({
      error: { code: 'a&b', message: '<x> é€' },
    });
    expect(parsePosXml('<stores><store code="S"><name>Caf&#233; &amp; Co</name></store></stores>').stores).toEqual({
      store: [{ code: 'S', name: 'Café & Co' }],
    });
  });

  it('trims attribute values as it trims text', () => {
    expect(parsePosXml('<stock store=" ST042 "><item ean=" 0012345678905 " qty="3 " reserved="0"/></stock>')).toEqual({
      stock: { store: 'ST042', item: [{ ean: '0012345678905', qty: '3', reserved: '0' }] },
    });
  });

  it('makes an array of an element that repeats where one was expected, rather than keep the last', () => {
    expect(parsePosXml('<ok><note>a</note><note>b</note><note>c</note></ok>')).toEqual({ ok: { note: ['a', 'b', 'c'] } });
  });

  it.each([
    ['a truncated answer', '<stock store="ST042"><item ean="1" qty="3" reserved="0"/><item ean='],
    ['an element left open', '<stock store="ST042"><item ean="1" qty="3" reserved="0">'],
    ['mismatched tags', '<stock><item></stock></item>'],
    ['two roots', '<ok/><ok/>'],
    ['text outside the root', 'oops<ok/>'],
    ['an attribute without a value', '<line ean qty/>'],
    ['an unknown entity', '<error code="&nbsp;"/>'],
    ['an entity a DOCTYPE defines, never expanded', '<!DOCTYPE ok [<!ENTITY x "xxxxxxxx">]><ok updated="&x;"/>'],
    ['no XML at all', 'Service Unavailable'],
    ['an empty body', ''],
    ['an element named after a prototype key', '<stock store="ST042"><__proto__ ean="1"/></stock>'],
    ['an element named constructor', '<ok><constructor/></ok>'],
    ['an attribute named __proto__', '<ok __proto__="x"/>'],
    [
      'an attribute and a repeated element of one name',
      '<receipts><receipt id="R" line="x"><line ean="1" qty="1" unit_cents="1"/></receipt></receipts>',
    ],
  ])('refuses %s', (_, xml) => {
    expect(() => parsePosXml(xml)).toThrow();
  });

  it.each(['', ' ', '0x10', '1e3', '3.0', '12abc', '99999999999999999999'])(
    'refuses a quantity written %j, rather than read a number into it',
    (qty) => {
      const doc = parsePosXml(`<stock store="ST042"><item ean="0012345678905" qty="${qty}" reserved="0"/></stock>`);
      expect(() => decodeStock(doc, 'ST042')).toThrow('qty is not an integer');
    },
  );

  it('reads quantities of digits, negative ones included', () => {
    const doc = parsePosXml('<stock store="ST042"><item ean="0012345678905" qty="12" reserved="-1"/></stock>');
    expect(decodeStock(doc, 'ST042')).toEqual([{ store: 'ST042', ean: '0012345678905', qty: 12, reserved: -1 }]);
  });
});
