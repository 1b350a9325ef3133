// A cursor-paged table for the staff console's lists: loading, error and empty states, the table
// itself and "Load more". Pages give the columns and how one row renders.
import type { ReactNode } from 'react';
import { DataTable } from '../../ui/data-table.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/ui.tsx';
import { LoadMore } from '../workspace/load-more.tsx';

interface PagedQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { pages: { items: T[] }[] } | undefined;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function PagedTable<T extends { id: string }>(props: {
  query: PagedQuery<T>;
  label: string;
  empty: string;
  columns: string[];
  row: (item: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.isError || !query.data)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <EmptyState title={props.empty} />;
  return (
    <>
      <DataTable label={props.label} columns={props.columns} items={rows} row={props.row} />
      <LoadMore query={query} />
    </>
  );
}
