// Numbers typed into text boxes: "12,50" in Brazil and "12.50" elsewhere both mean twelve and a half,
// and an empty box means "none" (null). The parsed value is then checked by the shared schema.
import { z } from 'zod';
import { i18n } from './i18n.ts';

const DECIMAL = /^\d+(?:[.,]\d+)?$/;
const INTEGER = /^\d+$/;

function numberText(kind: 'decimal' | 'integer') {
  return z.string().transform((text, ctx): number | null => {
    const value = text.trim();
    if (value === '') return null;
    if (!(kind === 'integer' ? INTEGER : DECIMAL).test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: kind === 'integer' ? 'Enter a whole number' : 'Enter a number',
      });
      return z.NEVER;
    }
    return Number(value.replace(',', '.'));
  });
}

/** A text box holding an amount such as 12,50; empty = null. Pipe it into the shared rule. */
export const decimalText = () => numberText('decimal');
/** A text box holding a whole number; empty = null. */
export const integerText = () => numberText('integer');
/** A text box where empty means null (an optional URL, say). */
export const optionalText = () => z.string().transform((text) => text.trim() || null);

/** A number as the visitor would type it back (decimal comma in pt-BR); null = empty box. */
export function numberToInput(value: number | null, locale = i18n.language || 'pt-BR'): string {
  if (value === null) return '';
  const comma = new Intl.NumberFormat(locale).format(1.5).includes(',');
  const text = String(value);
  return comma ? text.replace('.', ',') : text;
}
