/** A piece of plain text: words, or a web address to show as a link. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const candidate = /https?:\/\/[^\s<>"'`]+/gu;
/** Punctuation that ends a sentence rather than an address ("…at https://x.se/a."). */
const trailing = /[.,;:!?)\]}'"”’»]+$/u;

/**
 * Splits text into plain parts and http(s) links, for rendering as text nodes and `<a>`
 * elements: nothing in the text is ever read as HTML, and no other scheme becomes a link.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  const push = (value: string) => {
    if (!value) return;
    const previous = parts.at(-1);
    if (previous?.kind === "text") previous.text += value;
    else parts.push({ kind: "text", text: value });
  };
  for (const match of text.matchAll(candidate)) {
    const start = match.index;
    const address = match[0].replace(trailing, "");
    push(text.slice(last, start));
    let href: string | undefined;
    try {
      const url = new URL(address);
      if (url.protocol === "http:" || url.protocol === "https:") href = url.href;
    } catch {
      href = undefined;
    }
    if (href) parts.push({ kind: "link", text: address, href });
    else push(address);
    last = start + address.length;
  }
  push(text.slice(last));
  return parts;
}
