// A click & collect order placed for the caller in the store they choose, each store shown with
// what it has of the product and when it opens.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { focusWhenShown } from '../shared/focus';
import { formatMoney } from '../shared/format';
import { useIdempotencyKey } from '../shared/idempotency';
import { ProblemsNotice } from '../shared/ProblemsNotice';
import { NearestStores, PickupStores, PlaceOrder } from './operations';
import { ProductPicker, type PickedProduct } from './ProductPicker';

const DAYS = { MONDAY: 'Mon', TUESDAY: 'Tue', WEDNESDAY: 'Wed', THURSDAY: 'Thu', FRIDAY: 'Fri', SATURDAY: 'Sat', SUNDAY: 'Sun' } as const;

export function ClickAndCollect({ customerId }: { customerId: string }) {
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [storeId, setStoreId] = useState<string | null>(null);
  const [key, changed] = useIdempotencyKey();
  const [stores] = useQuery({ query: PickupStores, variables: { sku: product?.sku ?? '' }, pause: !product });
  const [placed, place] = useMutation(PlaceOrder);
  const stock = new Map(stores.data?.product?.stockByStore?.flatMap((s) => (s ? [[s.store.id, s.available] as const] : [])) ?? []);
  const chosenStock = storeId ? stock.get(storeId) : undefined;
  const lacking = storeId !== null && chosenStock !== undefined && chosenStock < quantity;
  const [nearest] = useQuery({
    query: NearestStores,
    variables: { sku: product?.sku ?? '', storeId: storeId ?? '', quantity },
    pause: !product || !lacking,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!product || !storeId) return;
    void place({
      input: {
        channel: 'CALL_CENTER',
        customerId,
        lines: [{ sku: product.sku, quantity }],
        fulfillment: { type: 'STORE_PICKUP', storeId },
        idempotencyKey: key,
      },
    });
  };
  return (
    <section aria-labelledby="pickup-title">
      <h2 id="pickup-title">Click &amp; collect order</h2>
      <ProductPicker onPick={changed(setProduct)} />
      <ProblemsNotice error={stores.error} />
      {product && stores.data?.stores && (
        <form onSubmit={submit}>
          <label htmlFor="pickup-quantity">Quantity</label>
          <input
            id="pickup-quantity"
            type="number"
            min={1}
            max={99}
            value={quantity}
            onChange={(e) => changed(setQuantity)(Number(e.target.value))}
          />
          <fieldset>
            <legend>Pickup store</legend>
            <table aria-label="Pickup stores">
              <thead>
                <tr>
                  <th>Store</th>
                  <th className="num">Available</th>
                  <th>Opening hours</th>
                </tr>
              </thead>
              <tbody>
                {stores.data.stores.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <label>
                        <input
                          type="radio"
                          name="pickup-store"
                          value={s.id}
                          checked={storeId === s.id}
                          onChange={() => changed(setStoreId)(s.id)}
                        />{' '}
                        {s.name} ({s.address.city}){s.isOpen ? ' · open now' : ' · closed now'}
                      </label>
                    </td>
                    <td className="num">{stock.get(s.id) ?? '—'}</td>
                    <td>{s.openingHours.map((h) => `${DAYS[h.day]} ${h.opens}–${h.closes}`).join(', ') || 'closed'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
          {lacking && (
            <div role="status" aria-label="Nearest stores with stock">
              <p>
                This store has {chosenStock} of it. The nearest stores that have {quantity}:
              </p>
              <ProblemsNotice error={nearest.error} />
              <ul>
                {nearest.data?.product?.nearestStoresWithStock?.map((n) => (
                  <li key={n.store.id}>
                    {n.store.name} ({n.store.address.city}): {n.available}{' '}
                    <button type="button" onClick={() => changed(setStoreId)(n.store.id)}>
                      Choose {n.store.name}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {/* a store that lacks the quantity would be refused (INSUFFICIENT_STOCK): choose another first */}
          <button type="submit" disabled={!storeId || lacking || placed.fetching}>
            Place the order
          </button>
        </form>
      )}
      <ProblemsNotice error={placed.error} failed="Placing the order failed" />
      {placed.data && (
        <p role="status" aria-label="Order placed" tabIndex={-1} ref={focusWhenShown} key={placed.data.placeOrder.id}>
          Order <strong data-testid="placed-order">{placed.data.placeOrder.id}</strong> placed ({placed.data.placeOrder.status},{' '}
          {formatMoney(placed.data.placeOrder.total)}), to collect at {placed.data.placeOrder.fulfillment.store?.name}.
        </p>
      )}
    </section>
  );
}
