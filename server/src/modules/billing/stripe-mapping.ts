// Stripe objects → our shapes. Only fields of the pinned API version are read (current_period_end
// on subscription items, an invoice's subscription under parent.subscription_details).
import type { Invoice, PlanId } from '@colmeia/shared';
import type Stripe from 'stripe';
import type { PlanTable } from './plans.ts';
import type { StripeSubscriptionState } from './subscription-sync.ts';

const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === 'string' ? v : v.id;

export function planOfLookupKey(plans: PlanTable, lookupKey: string | null | undefined): PlanId | null {
  if (!lookupKey) return null;
  return (Object.values(plans).find((p) => p.stripeLookupKey === lookupKey)?.id ?? null) as PlanId | null;
}

export function subscriptionState(sub: Stripe.Subscription, plans: PlanTable): StripeSubscriptionState {
  const item = sub.items.data[0];
  return {
    id: sub.id,
    customer: idOf(sub.customer) ?? '',
    status: sub.status,
    priceId: item?.price.id ?? null,
    plan: planOfLookupKey(plans, item?.price.lookup_key),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
  };
}

/** The workspace and subscription an event is about, from the fields each object type has. */
export function eventRefs(event: Stripe.Event): {
  tenantId: string | null;
  customerId: string | null;
  subscriptionId: string | null;
} {
  const o = event.data.object as unknown as Record<string, unknown>;
  const metadata = (o.metadata ?? {}) as Record<string, string>;
  switch (o.object) {
    case 'checkout.session':
      return {
        tenantId: (o.client_reference_id as string | null) ?? metadata.tenant_id ?? null,
        customerId: idOf(o.customer as string),
        subscriptionId: idOf(o.subscription as string),
      };
    case 'subscription':
      return {
        tenantId: metadata.tenant_id ?? null,
        customerId: idOf(o.customer as string),
        subscriptionId: o.id as string,
      };
    case 'invoice': {
      const parent = o.parent as { subscription_details?: { subscription?: string | { id: string } } } | null;
      return {
        tenantId: null,
        customerId: idOf(o.customer as string),
        subscriptionId: idOf(parent?.subscription_details?.subscription),
      };
    }
    default:
      return {
        tenantId: metadata.tenant_id ?? null,
        customerId: idOf(o.customer as string),
        subscriptionId: null,
      };
  }
}

const iso = (s: number | null | undefined) => (s ? new Date(s * 1000).toISOString() : null);

export function invoiceView(inv: Stripe.Invoice): Invoice {
  return {
    id: inv.id ?? '',
    number: inv.number ?? null,
    status: (inv.status ?? 'draft') as Invoice['status'],
    amountDueCents: inv.amount_due,
    amountPaidCents: inv.amount_paid,
    currency: inv.currency,
    createdAt: iso(inv.created) as string,
    periodStart: iso(inv.period_start),
    periodEnd: iso(inv.period_end),
    hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
  };
}
