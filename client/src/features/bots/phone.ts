// Phone numbers and pairing codes as people read and type them. The server stores numbers as
// digits with the country code (5511987654321); the SPA shows +55 11 98765-4321.

/** Digits only, as the server expects (`+55 (11) 98765-4321` → `5511987654321`). */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '');
}

/**
 * A number in digits with country code, formatted for reading. Brazilian numbers get the national
 * layout (area code, then 4–5 + 4 digits); others keep their digits after a "+" (without the
 * numbering plan of every country we cannot split them reliably).
 */
export function formatPhone(digits: string | null | undefined): string {
  if (!digits) return '';
  const d = phoneDigits(digits);
  const br = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(d);
  if (br) return `+55 ${br[1]} ${br[2]}-${br[3]}`;
  return `+${d}`;
}

/** WhatsApp's 8-character pairing code in two groups (ABCD-1234), as the phone shows it. */
export function formatPairingCode(code: string): string {
  const clean = code.replace(/[\s-]/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}
