import type { Response } from 'express';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

const ATTRIBUTE = '@_';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTRIBUTE, suppressEmptyNode: true });
// Requests carry only attributes and <line>/<price> children, so attributes need no prefix there.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (tagName, _path, _leaf, isAttribute) => !isAttribute && (tagName === 'line' || tagName === 'price'),
});

export type XmlNode = Record<string, unknown>;

/** XML attributes from a record; a null or undefined value writes no attribute. */
export function attributes(record: Record<string, string | number | null | undefined>): XmlNode {
  const node: XmlNode = {};
  for (const [name, value] of Object.entries(record)) if (value !== null && value !== undefined) node[ATTRIBUTE + name] = value;
  return node;
}

export function sendXml(res: Response, document: XmlNode): void {
  res.type('application/xml').send(builder.build(document));
}

/** The document as nested objects, attributes as plain keys; undefined when it is not XML. */
export function parseXml(text: unknown): XmlNode | undefined {
  if (typeof text !== 'string' || XMLValidator.validate(text) !== true) return undefined;
  return parser.parse(text) as XmlNode;
}
