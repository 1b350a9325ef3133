// The hosted pages a person sees: Checkout (pay or fail), the customer portal (cancel, pay the
// open invoice) and a hosted invoice. Plain HTML forms with data-testid hooks for Playwright.
import type { Invoice, State } from './state.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const brl = (cents: number, currency: string) =>
  new Intl.NumberFormat('pt-BR', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
button{padding:.6rem 1rem;margin:.25rem .25rem 0 0}input{padding:.5rem;width:100%;box-sizing:border-box}
.error{color:#b00020}.muted{color:#666}</style></head><body><p class="muted">Stripe emulator (test mode)</p>${body}</body></html>`;
}

export function checkoutPage(state: State, id: string, error?: string): string | null {
  const s = state.checkouts.get(id);
  if (!s) return null;
  const price = state.prices.get(s.priceId)!;
  if (s.status !== 'open') return page('Colmeia test checkout', '<h1>This checkout is complete.</h1>');
  return page(
    'Colmeia test checkout',
    `<h1>${esc(price.product_name)}</h1>
<p data-testid="amount">${brl(price.unit_amount, price.currency)} / ${price.interval === 'year' ? 'year' : 'month'}</p>
${error ? `<p class="error" role="alert" data-testid="error">${esc(error)}</p>` : ''}
<form method="post" action="/pay/${esc(id)}">
<label>Card number <input name="card" data-testid="card" value="4242 4242 4242 4242"></label>
<button name="action" value="pay" data-testid="pay">Pay</button>
<button name="action" value="fail" data-testid="fail">Fail payment</button>
</form>${s.cancel_url ? `<p><a href="${esc(s.cancel_url)}" data-testid="back">Back</a></p>` : ''}`,
  );
}

export function portalPage(state: State, id: string): string | null {
  const portal = state.portals.get(id);
  if (!portal) return null;
  const subs = [...state.subscriptions.values()].filter((s) => s.customer === portal.customer);
  const rows = subs
    .map((s) => {
      const price = state.prices.get(s.priceId)!;
      const open = s.latestInvoice ? state.invoices.get(s.latestInvoice) : undefined;
      return `<section data-testid="subscription"><h2>${esc(price.product_name)}</h2>
<p>Status: <span data-testid="status">${s.status}</span>${s.cancel_at_period_end ? ' (cancels at the period end)' : ''}</p>
${open?.status === 'open' ? `<form method="post" action="/portal/${esc(id)}/pay"><button data-testid="portal-pay">Update card and pay ${brl(open.amount_due, open.currency)}</button></form>` : ''}
${s.status !== 'canceled' && !s.cancel_at_period_end ? `<form method="post" action="/portal/${esc(id)}/cancel/${esc(s.id)}"><button data-testid="portal-cancel">Cancel plan</button></form>` : ''}
</section>`;
    })
    .join('');
  return page(
    'Customer portal',
    `<h1>Your plan</h1>${rows || '<p>No subscriptions.</p>'}${portal.return_url ? `<p><a href="${esc(portal.return_url)}" data-testid="portal-return">Return</a></p>` : ''}`,
  );
}

export function invoicePage(inv: Invoice | undefined): string | null {
  if (!inv) return null;
  return page(
    `Invoice ${inv.number}`,
    `<h1>Invoice ${esc(inv.number)}</h1><p>${brl(inv.amount_due, inv.currency)} — ${inv.status}</p>`,
  );
}
