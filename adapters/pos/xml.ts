// The POS's XML, both ways: what its answers mean as legacy records (./wire.ts), and the
// bodies it is sent. Values are kept as strings by the parser and converted here, field by field,
// because EANs and card numbers look like numbers and are not.
import { XMLBuilder } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import {
  DAYS,
  PROMOTION_KINDS,
  type PosLine,
  type PosPrice,
  type PosPromotion,
  type PosReceipt,
  type PosStock,
  type PosStore,
} from './wire';

export type XmlNode = Record<string, unknown>;
type AttributeValue = string | number | null | undefined;
type Attributes = Record<string, AttributeValue>;

// Elements that repeat are arrays even when the answer holds only one.
const REPEATED = new Set([
  'stores.store',
  'stores.store.hours',
  'stock.item',
  'prices.price',
  'promotions.promo',
  'receipts.receipt',
  'receipts.receipt.line',
  'receipt.line',
]);

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: true });

// Names that would reach an object's prototype rather than be a key of it: no POS answer has them.
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const named = (name: string) => {
  if (RESERVED_NAMES.has(name)) throw new Error(`<${name}> is not a name the POS uses`);
  return name;
};

interface OpenElement {
  name: string;
  /** where it is, from the root: `stores.store.hours` */
  path: string;
  node: XmlNode;
  text: string;
  /** it has attributes or child elements: an object, not its text */
  structured: boolean;
}

/**
 * The document as nested objects: an element is its attributes and its child elements by name
 * (an array for the REPEATED ones, however many there are), or its trimmed text when it has
 * neither (`<name>Rivoli</name>` is 'Rivoli', `<stores/>` is ''); values and text trimmed, as the
 * POS pads some. A strict parser (saxes): anything
 * that is not well-formed XML throws, a truncated answer included, and a DOCTYPE's entities are
 * never expanded. Read in one pass, no tree of its own built first: the POS answers every
 * availability look-up with XML, and this is on the way of most product pages.
 */
export function parsePosXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const document: OpenElement = { name: '', path: '', node: {}, text: '', structured: true };
  const open: OpenElement[] = [document];
  parser.on('opentag', ({ name, attributes }) => {
    const parent = open[open.length - 1];
    parent.structured = true;
    const node: XmlNode = {};
    for (const [attribute, value] of Object.entries(attributes as Record<string, string>)) node[named(attribute)] = value.trim();
    open.push({
      name: named(name),
      path: parent.path ? `${parent.path}.${name}` : name,
      node,
      text: '',
      structured: Object.keys(node).length > 0,
    });
  });
  const addText = (text: string) => void (open[open.length - 1].text += text);
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = open.pop()!;
    const text = element.text.trim();
    if (element.structured && text) element.node['#text'] = text;
    const value = element.structured ? element.node : text;
    const siblings = open[open.length - 1].node;
    const before = Object.hasOwn(siblings, element.name) ? siblings[element.name] : undefined;
    const repeated = REPEATED.has(element.path);
    if (before === undefined) siblings[element.name] = repeated ? [value] : value;
    else if (repeated && !Array.isArray(before)) throw new Error(`<${element.name}> is both an attribute and an element`);
    else if (Array.isArray(before)) before.push(value);
    else siblings[element.name] = [before, value];
  });
  parser.write(xml).close();
  return document.node;
}

/** `<root a="..."><child .../>...</root>`, every value escaped by the builder. */
export function buildPosXml<Child extends Record<keyof Child, AttributeValue>>(
  root: string,
  attributes: Attributes,
  childName: string,
  children: readonly Child[],
): string {
  return builder.build({ [root]: { ...prefixed(attributes), [childName]: children.map(prefixed) } }) as string;
}

function prefixed(attributes: object): XmlNode {
  const entries = Object.entries(attributes as Attributes).filter(([, value]) => value !== null && value !== undefined);
  return Object.fromEntries(entries.map(([name, value]) => [`@${name}`, String(value)]));
}

// ---- reading --------------------------------------------------------------

/** The `<error code message/>` the POS answers with, HTTP 200 or not. */
export function errorOf(doc: XmlNode): { code: string; message: string } | null {
  const error = doc.error;
  if (error === undefined) return null;
  const node = asNode(error);
  return { code: optional(node, 'code') ?? 'unknown', message: optional(node, 'message') ?? '' };
}

export function decodeStores(doc: XmlNode): PosStore[] {
  return children(doc.stores, 'store').map((store) => ({
    code: text(store, 'code'),
    name: text(store, 'name'),
    street: text(store, 'street'),
    zip: text(store, 'zip'),
    city: text(store, 'city'),
    phone: text(store, 'phone'),
    hours: children(store, 'hours').map((hours) => ({
      day: oneOf(hours, 'day', DAYS),
      open: text(hours, 'open'),
      close: text(hours, 'close'),
    })),
  }));
}

export function decodeStock(doc: XmlNode, store: string): PosStock[] {
  return children(doc.stock, 'item').map((item) => ({
    store,
    ean: text(item, 'ean'),
    qty: integer(item, 'qty'),
    reserved: integer(item, 'reserved'),
  }));
}

export function decodePrices(doc: XmlNode, store: string): PosPrice[] {
  return children(doc.prices, 'price').map((price) => ({ store, ean: text(price, 'ean'), cents: integer(price, 'cents') }));
}

export function decodePromotions(doc: XmlNode, store: string): PosPromotion[] {
  return children(doc.promotions, 'promo').map((promo) => ({
    store,
    id: text(promo, 'id'),
    kind: oneOf(promo, 'kind', PROMOTION_KINDS),
    value: text(promo, 'value'),
    ean: optional(promo, 'ean'),
    category: optional(promo, 'category'),
    from: text(promo, 'from'),
    to: text(promo, 'to'),
  }));
}

export function decodeReceipts(doc: XmlNode): PosReceipt[] {
  return children(doc.receipts, 'receipt').map(decodeReceiptNode);
}

export function decodeReceipt(doc: XmlNode): PosReceipt {
  return decodeReceiptNode(asNode(doc.receipt));
}

function decodeReceiptNode(receipt: XmlNode): PosReceipt {
  return {
    id: text(receipt, 'id'),
    store: text(receipt, 'store'),
    at: text(receipt, 'at'),
    card: optional(receipt, 'card'),
    total_cents: integer(receipt, 'total_cents'),
    deliver: optional(receipt, 'deliver') === 'home' ? 'home' : null,
    ref: optional(receipt, 'ref'),
    lines: children(receipt, 'line').map((line): PosLine => ({
      ean: text(line, 'ean'),
      qty: integer(line, 'qty'),
      unit_cents: integer(line, 'unit_cents'),
    })),
  };
}

/** The root element of a one-element answer (`<reservation/>`, `<ok/>`, `<return/>`). */
export function rootElement(doc: XmlNode, name: string): XmlNode {
  return asNode(doc[name]);
}

export function text(node: XmlNode, name: string): string {
  const value = optional(node, name);
  if (value === null) throw new Error(`missing ${name}`);
  return value;
}

export function integer(node: XmlNode, name: string): number {
  // digits only: Number() would also read '' and ' ' as 0, '0x10' as 16 and '1e3' as 1000
  const digits = text(node, name);
  const value = Number(digits);
  if (!/^-?\d+$/.test(digits) || !Number.isSafeInteger(value)) throw new Error(`${name} is not an integer`);
  return value;
}

/** A value from a closed list: one the types do not know is an answer the client cannot read. */
export function oneOf<T extends string>(node: XmlNode, name: string, values: readonly T[]): T {
  const value = text(node, name);
  if (!(values as readonly string[]).includes(value)) throw new Error(`${name} is none of ${values.join(', ')}`);
  return value as T;
}

function optional(node: XmlNode, name: string): string | null {
  const value = node[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Error(`${name} is not text`);
  return value;
}

// An empty element (`<stores/>`) parses as '' rather than an object.
function asNode(value: unknown): XmlNode {
  if (value === '') return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('unexpected XML structure');
  return value as XmlNode;
}

function children(parent: unknown, name: string): XmlNode[] {
  if (parent === undefined) throw new Error(`missing <${name}> container`);
  const list = asNode(parent)[name];
  return list === undefined ? [] : (list as unknown[]).map(asNode);
}
