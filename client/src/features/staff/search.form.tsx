// A labelled search box (in a <search> landmark) that applies on submit; the term lives in the URL (?q=).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../ui/ui.tsx';
import '../workspace/workspace.css';

export function SearchForm({
  label,
  value,
  onSearch,
}: {
  label: string;
  value: string;
  onSearch: (term: string) => void;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState(value);
  return (
    <search>
      <form
        aria-label={label}
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(term.trim());
        }}
      >
        <TextField
          label={label}
          type="search"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          autoComplete="off"
        />
        <div className="filter-actions">
          <Button type="submit">{t('search')}</Button>
        </div>
      </form>
    </search>
  );
}
