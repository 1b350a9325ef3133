// Long replies are sent as several WhatsApp messages, cut where a person would: at a paragraph,
// else a line, else a sentence, else a space — never inside a word when it can be helped.
export const WHATSAPP_PART_CHARS = 4000;

export function splitReply(text: string, max = WHATSAPP_PART_CHARS): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [
      window.lastIndexOf('\n\n'),
      window.lastIndexOf('\n'),
      lastSentenceEnd(window),
      window.lastIndexOf(' '),
    ].find((i) => i > max * 0.5);
    const at = cut ?? max;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

function lastSentenceEnd(s: string): number {
  const m = [...s.matchAll(/[.!?…](\s)/g)].pop();
  return m?.index === undefined ? -1 : m.index + 1;
}
