// An e-shop `invalid_state` on cancel means the order shipped or was collected: only an order the
// e-shop shows cancelled is "done already".
import type { CommerceDeps } from '../../../domain/orders/deps';
import { cancelWebOrder } from '../../../domain/orders/effects';
import { LegacyRejectedError } from '../../../platform/errors';

const refusing = (status: string) =>
  ({
    eshop: {
      cancelOrder: async () => {
        throw new LegacyRejectedError('eshop', 'invalid_state', 'POST /cancel: invalid_state');
      },
      getOrder: async (id: string) => ({ id, status }),
    },
  }) as unknown as CommerceDeps;

it('is done when the e-shop refuses because the order is cancelled already', async () => {
  await expect(cancelWebOrder(refusing('cancelled'), 'W-2026-000001')).resolves.toBeUndefined();
});

it.each(['shipped', 'collected'])('fails for good when the order was %s', async (status) => {
  await expect(cancelWebOrder(refusing(status), 'W-2026-000001')).rejects.toThrow(/can no longer be cancelled/);
});
