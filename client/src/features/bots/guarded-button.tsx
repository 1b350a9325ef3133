// A button that stays visible when the viewer may not use it: disabled, with the reason as its
// tooltip and its accessible description, so people and screen readers learn why.
import { type ComponentProps, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/ui.tsx';
import type { Blocked } from './bot-abilities.ts';

export function GuardedButton({
  blocked,
  disabled,
  ...props
}: ComponentProps<typeof Button> & { blocked: Blocked }) {
  const { t } = useTranslation();
  const id = useId();
  const why = blockedText(t, blocked);
  return (
    <>
      <Button
        {...props}
        disabled={Boolean(why) || disabled}
        title={why ?? props.title}
        aria-describedby={why ? id : undefined}
      />
      {why && (
        <span id={id} hidden>
          {why}
        </span>
      )}
    </>
  );
}

export function blockedText(t: (key: string) => string, blocked: Blocked): string | null {
  if (blocked === 'impersonation') return t('common:blockedWhileImpersonating');
  if (blocked === 'role') return t('common:forbidden');
  return null;
}
