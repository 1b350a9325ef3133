// Small shared building blocks. Every control has an accessible name (a visible <label> or an
// aria-label) so tests and screen readers find it by role and name.
import {
  type ButtonHTMLAttributes,
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useId,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getCurrentTenantId } from '../lib/trpc.ts';
import { errorReason, errorText, translateValidation } from './messages.ts';

export function Button({
  variant = 'primary',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'ghost' }) {
  return <button type="button" {...props} className={`btn btn-${variant} ${props.className ?? ''}`} />;
}

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Keeps the label for screen readers and tests but hides it on screen (compact toolbars). */
  hideLabel?: boolean;
};

export const TextField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & FieldProps>(
  function TextField({ label, error, hint, hideLabel, ...input }, ref) {
    const id = useId();
    useTranslation(); // re-render on a language change: the error below is translated
    return (
      <div className="field">
        <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
          {label}
        </label>
        <input
          id={id}
          ref={ref}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          {...input}
        />
        {hint && !error && <small className="hint">{hint}</small>}
        {error && (
          <small id={`${id}-err`} className="field-error" role="alert">
            {translateValidation(error)}
          </small>
        )}
      </div>
    );
  },
);

export const SelectField = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { children: ReactNode }
>(function SelectField({ label, error, hint, hideLabel, children, ...select }, ref) {
  const id = useId();
  useTranslation();
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} ref={ref} aria-invalid={error ? true : undefined} {...select}>
        {children}
      </select>
      {hint && !error && <small className="hint">{hint}</small>}
      {error && (
        <small className="field-error" role="alert">
          {translateValidation(error)}
        </small>
      )}
    </div>
  );
});

export function Card({
  title,
  children,
  actions,
}: {
  title?: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="card" aria-label={title}>
      {(title || actions) && (
        <header className="card-header">
          {title && <h2>{title}</h2>}
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {description && <p className="muted">{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state" role="status" aria-live="polite">
      {label ?? t('loading')}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty" role="status">
      <strong>{title}</strong>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state error" role="alert">
      <strong>{t('errorTitle')}</strong>
      <p>{errorText(error)}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('retry')}
        </Button>
      )}
    </div>
  );
}

/** A form-level error (the message of a failed mutation), announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  // A plan or a pending payment said no: the way out is the Billing page of this workspace.
  const reason = errorReason(error);
  const tenantId = getCurrentTenantId();
  const upgrade = tenantId && (reason?.startsWith('plan.') || reason === 'billing.read_only');
  return (
    <p className="form-error" role="alert">
      {errorText(error)}
      {upgrade && (
        <>
          {' '}
          <Link to={`/w/${tenantId}/billing`}>{t('seePlans')}</Link>
        </>
      )}
    </p>
  );
}

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
}) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}
