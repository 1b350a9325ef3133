// "Load more" under a cursor-paged list (useInfiniteQuery); hidden once the last page arrived.
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/ui.tsx';
import './workspace.css';

export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button
        variant="secondary"
        disabled={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {t('loadMore')}
      </Button>
    </div>
  );
}
