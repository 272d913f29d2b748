/**
 * Shows a Pagefind excerpt keeping only text and <mark>. The excerpt is built from page text that
 * participants wrote, so it is never inserted as HTML.
 */
import type { ReactNode } from 'react';

export function excerptParts(html: string): { text: string; marked: boolean }[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const parts: { text: string; marked: boolean }[] = [];
  const walk = (node: Node, marked: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) parts.push({ text: child.textContent ?? '', marked });
      else if (child.nodeType === Node.ELEMENT_NODE) walk(child, marked || (child as Element).tagName === 'MARK');
    }
  };
  walk(doc.body, false);
  return parts;
}

export default function Excerpt({ html }: { html: string }): ReactNode {
  return (
    <p className="small">
      {excerptParts(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
