// The typed API client. Every request carries the CSRF header and the current workspace id;
// the server checks membership for the workspace named in X-Colmeia-Tenant. Subscriptions go over
// server-sent events, which cannot carry headers: they name the workspace in connectionParams.
import type { AppRouter } from '@colmeia/server/router';
import { QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

let currentTenantId: string | null = localStorage.getItem('colmeia.tenant');

export function getCurrentTenantId(): string | null {
  return currentTenantId;
}

export function setCurrentTenantId(id: string | null): void {
  currentTenantId = id;
  if (id) localStorage.setItem('colmeia.tenant', id);
  else localStorage.removeItem('colmeia.tenant');
}

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => {
          const status =
            error instanceof TRPCClientError
              ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
              : undefined;
          return status === undefined || status >= 500 ? count < 2 : false;
        },
      },
    },
  });
}

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Read when each connection opens (and reopens), so it follows the workspace in the URL.
        true: httpSubscriptionLink({
          url: '/trpc',
          connectionParams: () => (currentTenantId ? { tenant: currentTenantId } : null),
        }),
        false: httpBatchLink({
          url: '/trpc',
          headers: () => {
            const headers: Record<string, string> = { 'x-colmeia-csrf': '1' };
            if (currentTenantId) headers['x-colmeia-tenant'] = currentTenantId;
            return headers;
          },
        }),
      }),
    ],
  });
}

export interface ApiErrorData {
  code?: string;
  httpStatus?: number;
  reason?: string | null;
  fields?: Record<string, string[]> | null;
}

/** The server's error shape (see server/src/trpc/init.ts), or null for non-API errors. */
export function apiError(error: unknown): (ApiErrorData & { message: string }) | null {
  if (error instanceof TRPCClientError)
    return { message: error.message, ...((error.data as ApiErrorData | undefined) ?? {}) };
  return null;
}
