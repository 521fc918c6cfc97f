/** The POS knows a product by its EAN only. */
export interface ProductRef {
  ean: string;
}
