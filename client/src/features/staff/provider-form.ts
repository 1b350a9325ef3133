// The provider form (staff): text boxes to the shared create/update inputs. A provider's secret is
// write-only — required when creating, and when editing an empty box keeps the stored one — and an
// update sends only the fields that changed.
import {
  type ProviderDto,
  ZCreateProviderInput,
  ZProviderKind,
  type ZUpdateProviderInput,
} from '@colmeia/shared';
import { z } from 'zod';
import { integerText, numberToInput, optionalText } from '../../lib/number-input.ts';

const create = ZCreateProviderInput.shape;

export function providerFormSchema(mode: 'create' | 'edit') {
  return z.object({
    name: create.name,
    kind: ZProviderKind,
    secret:
      mode === 'create'
        ? create.secret
        : z
            .string()
            .trim()
            .refine((s) => s === '' || s.length >= 8, 'Too short')
            .pipe(z.string().max(1000)),
    baseUrl: optionalText().pipe(z.url().max(300).nullable()),
    priority: integerText().pipe(z.number('Required').int().min(0).max(10_000)),
    rpm: integerText().pipe(create.rpm.unwrap()),
    tpm: integerText().pipe(create.tpm.unwrap()),
    enabled: z.boolean(),
  });
}
export type ProviderFormValues = z.input<ReturnType<typeof providerFormSchema>>;
export type ProviderFormOutput = z.output<ReturnType<typeof providerFormSchema>>;

export function providerToForm(p: ProviderDto | null, locale?: string): ProviderFormValues {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'api_key',
    secret: '',
    baseUrl: p?.baseUrl ?? '',
    priority: numberToInput(p?.priority ?? 0, locale),
    rpm: numberToInput(p?.rpm ?? null, locale),
    tpm: numberToInput(p?.tpm ?? null, locale),
    enabled: p?.enabled ?? true,
  };
}

export function toCreateInput(v: ProviderFormOutput): z.input<typeof ZCreateProviderInput> {
  return { ...v };
}

/** Only what changed; the secret only when a new one was typed. */
export function toUpdateInput(p: ProviderDto, v: ProviderFormOutput): z.input<typeof ZUpdateProviderInput> {
  const input: z.input<typeof ZUpdateProviderInput> = { id: p.id };
  const fields = ['name', 'kind', 'baseUrl', 'priority', 'rpm', 'tpm', 'enabled'] as const;
  for (const field of fields) if (p[field] !== v[field]) Object.assign(input, { [field]: v[field] });
  if (v.secret) input.secret = v.secret;
  return input;
}
