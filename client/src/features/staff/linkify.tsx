// Plain-text e-mail bodies with their http(s) links made clickable. Only http and https become
// links (never javascript: or data:), and trailing punctuation stays outside the link.
import { Fragment, type ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING = /[.,;:!?)\]}»”’]+$/;

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const href = match[0].replace(TRAILING, '');
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export function Linkified({ text }: { text: string }): ReactNode {
  return splitLinks(text).map((part, i) =>
    part.kind === 'link' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts are derived from immutable text, order is stable
      <a key={i} href={part.href}>
        {part.href}
      </a>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: same as above
      <Fragment key={i}>{part.text}</Fragment>
    ),
  );
}
