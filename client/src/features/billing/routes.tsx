import type { RouteObject } from 'react-router';
import { BillingPage } from './billing.page.tsx';
import { ProvisioningPage } from './provisioning.page.tsx';

/** Children of /w/:tenantId */
export const billingRoutes: RouteObject[] = [
  { path: 'billing', element: <BillingPage /> },
  { path: 'billing/provisioning', element: <ProvisioningPage /> },
];
