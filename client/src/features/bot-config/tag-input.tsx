// A list of short values edited as tags: type, press Enter (or "Add"), remove with ×. Each value is
// checked before it joins the list (a regex that does not compile, a number without country code).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/ui.tsx';
import { addTag, type TagCheck } from './tags.ts';
import './bot-config.i18n.ts';

export function TagInput(props: {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  check: (raw: string) => TagCheck;
  max: number;
  placeholder?: string;
  hint?: string;
  /** An error on the saved list (from the schema or the server), already translated. */
  error?: string | undefined;
  disabled?: boolean;
  monospace?: boolean;
}) {
  const { t } = useTranslation('botConfig');
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const result = addTag(props.value, draft, props.check, props.max);
    if (!result.ok) {
      setProblem(t(`tagError.${result.problem.key}`, { detail: result.problem.detail, max: props.max }));
      return;
    }
    props.onChange(result.tags);
    setDraft('');
    setProblem(null);
  };
  const error = problem ?? props.error;

  return (
    <div className="field tag-input">
      <label htmlFor={id}>{props.label}</label>
      {props.value.length > 0 && (
        <ul className="tags" aria-label={props.label}>
          {props.value.map((tag) => (
            <li key={tag} className={`tag-chip${props.monospace ? ' mono' : ''}`}>
              <span>{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('removeTag', { tag })}
                disabled={props.disabled}
                onClick={() => props.onChange(props.value.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-entry">
        <input
          id={id}
          value={draft}
          placeholder={props.placeholder}
          disabled={props.disabled}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error || props.hint ? `${id}-note` : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button
          variant="secondary"
          disabled={props.disabled || !draft.trim()}
          aria-label={t('addTagTo', { label: props.label })}
          onClick={add}
        >
          {t('addTag')}
        </Button>
      </div>
      {(error || props.hint) && (
        <small
          id={`${id}-note`}
          className={error ? 'field-error' : 'hint'}
          role={error ? 'alert' : undefined}
        >
          {error ?? props.hint}
        </small>
      )}
    </div>
  );
}
