import type { RouteObject } from 'react-router';
import { BudgetPage } from './budget.page.tsx';
import { CostsPage } from './costs.page.tsx';

/** Children of /w/:tenantId */
export const costsRoutes: RouteObject[] = [
  { path: 'costs', element: <CostsPage /> },
  { path: 'costs/budget', element: <BudgetPage /> },
];
