// The product catalogue (the e-shop's, the only SKU <-> EAN map): a home-goods retailer's
// ten departments. Food is sold at the reduced 5.5 % VAT rate.
import type { Faker } from '@faker-js/faker';
import type { EshopProduct } from '../../adapters/eshop/wire';
import { ean13 } from './ean';
import { decimal } from './money';

interface Category {
  name: string;
  vat: string;
  euros: [number, number];
  nouns: string[];
}

const CATEGORIES: Category[] = [
  {
    name: 'Cuisine',
    vat: '20.0',
    euros: [5, 120],
    nouns: ['Poêle', 'Casserole', 'Couteau de chef', 'Planche à découper', 'Faitout', 'Moule à gâteau'],
  },
  {
    name: 'Électroménager',
    vat: '20.0',
    euros: [19, 399],
    nouns: ['Bouilloire', 'Grille-pain', 'Aspirateur balai', 'Cafetière', 'Blender', 'Robot pâtissier'],
  },
  {
    name: 'Bricolage',
    vat: '20.0',
    euros: [9, 249],
    nouns: ['Perceuse sans fil', 'Visseuse', 'Scie sauteuse', 'Niveau laser', "Coffret d'embouts", 'Ponceuse'],
  },
  {
    name: 'Jardin',
    vat: '20.0',
    euros: [6, 449],
    nouns: ['Tondeuse', 'Taille-haie', "Tuyau d'arrosage", 'Salon de jardin', 'Parasol', 'Jardinière'],
  },
  {
    name: 'Décoration',
    vat: '20.0',
    euros: [4, 89],
    nouns: ['Miroir', 'Cadre photo', 'Vase', 'Coussin', 'Bougie parfumée', 'Horloge murale'],
  },
  {
    name: 'Éclairage',
    vat: '20.0',
    euros: [3, 179],
    nouns: ['Lampe de bureau', 'Suspension', 'Lampadaire', 'Ampoule LED', 'Guirlande lumineuse', 'Applique'],
  },
  {
    name: 'Rangement',
    vat: '20.0',
    euros: [6, 199],
    nouns: ['Étagère', 'Boîte de rangement', 'Panier tressé', 'Meuble à chaussures', 'Penderie', 'Caisson'],
  },
  {
    name: 'Salle de bain',
    vat: '20.0',
    euros: [4, 129],
    nouns: ['Serviette de bain', 'Tapis de bain', 'Miroir grossissant', 'Porte-serviettes', 'Rideau de douche', 'Pommeau de douche'],
  },
  { name: 'Literie', vat: '20.0', euros: [12, 299], nouns: ['Couette', 'Oreiller', 'Drap housse', 'Surmatelas', 'Parure de lit', 'Plaid'] },
  {
    name: 'Épicerie fine',
    vat: '5.5',
    euros: [2, 35],
    nouns: ['Café en grains', 'Thé vert', 'Confiture', "Huile d'olive", 'Chocolat noir', 'Miel de lavande'],
  },
];

const FINISHES = ['noir', 'blanc', 'gris anthracite', 'chêne clair', 'inox', 'bleu nuit', 'terracotta', 'vert sauge', 'naturel', 'rouge'];
const CENTS = [99, 99, 99, 49, 90, 0];

export const categoryNames = (): string[] => CATEGORIES.map((c) => c.name);

export function buildCatalog(faker: Faker, count: number, nowMs: number): EshopProduct[] {
  const products: EshopProduct[] = [];
  for (let i = 0; i < count; i++) {
    const category = faker.helpers.arrayElement(CATEGORIES);
    const euros = faker.number.int({ min: category.euros[0], max: category.euros[1] });
    const brand = faker.number.int({ min: 1000, max: 9999 });
    const model = `${faker.string.alpha({ length: 3, casing: 'upper' })}-${faker.number.int({ min: 100, max: 999 })}`;
    products.push({
      sku: `SKU-${100000 + i}`,
      // 3xx: a French GS1 prefix; brand and index keep every EAN distinct.
      ean: ean13(`3${String(brand * 1e7 + i).padStart(11, '0')}`),
      title: `${faker.helpers.arrayElement(category.nouns)} ${faker.helpers.arrayElement(FINISHES)} ${model}`,
      category: category.name,
      price: decimal(euros * 100 + faker.helpers.arrayElement(CENTS)),
      vat_rate: category.vat,
      stock: faker.datatype.boolean(0.08) ? 0 : faker.number.int({ min: 1, max: 250 }),
      updated_at: new Date(nowMs - faker.number.int({ min: 60_000, max: 90 * 86_400_000 })).toISOString(),
    });
  }
  return products;
}
