// Colmeia's paid plans as Stripe prices (by lookup key), for the CLI and the demo.
import { DEFAULT_PLANS } from '../../../shared/src/schemas/billing.ts';

export const colmeiaPrices = () =>
  Object.values(DEFAULT_PLANS).flatMap((p) =>
    p.stripeLookupKey
      ? [
          {
            lookup_key: p.stripeLookupKey,
            unit_amount: p.priceBrlCents,
            currency: 'brl',
            product_name: `Colmeia ${p.name}`,
            interval: 'month' as const,
          },
        ]
      : [],
  );
