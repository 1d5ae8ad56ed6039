import { For, type JSX } from "solid-js";

/**
 * A consultation's introduction, written as Markdown by the asking level: paragraphs, `-` or
 * `1.` lists, `#` headings, `**strong**`, `*emphasis*` and `[links](https://…)`. Built as
 * elements, never as HTML, so nothing in the text can run or style anything; a link goes only
 * to http(s) or mailto addresses.
 */

type Block =
  | { kind: "p"; lines: string[] }
  | { kind: "ul" | "ol"; items: string[] }
  | { kind: "h"; text: string };

const bullet = /^\s*[-*]\s+/;
const numbered = /^\s*\d+[.)]\s+/;

export function blocksOf(markdown: string): Block[] {
  return markdown
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split("\n").filter((line) => line.trim()))
    .filter((lines) => lines.length > 0)
    .map((lines): Block => {
      const first = lines[0] ?? "";
      if (lines.length === 1 && /^#{1,6}\s/.test(first))
        return { kind: "h", text: first.replace(/^#+\s+/, "") };
      if (lines.every((l) => bullet.test(l)))
        return { kind: "ul", items: lines.map((l) => l.replace(bullet, "")) };
      if (lines.every((l) => numbered.test(l)))
        return { kind: "ol", items: lines.map((l) => l.replace(numbered, "")) };
      return { kind: "p", lines };
    });
}

const inline = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(((?:https?:|mailto:)[^)\s]+)\)/g;

function Inline(props: { text: string }): JSX.Element {
  const pieces: JSX.Element[] = [];
  let at = 0;
  for (const match of props.text.matchAll(inline)) {
    pieces.push(props.text.slice(at, match.index));
    const [, strong, em, label, href] = match;
    if (strong !== undefined) pieces.push(<strong>{strong}</strong>);
    else if (em !== undefined) pieces.push(<em>{em}</em>);
    else pieces.push(<a href={href}>{label}</a>);
    at = match.index + match[0].length;
  }
  pieces.push(props.text.slice(at));
  return <>{pieces}</>;
}

function BlockView(props: { block: Block }): JSX.Element {
  const block = props.block;
  switch (block.kind) {
    case "h":
      return (
        <h3>
          <Inline text={block.text} />
        </h3>
      );
    case "ul":
      return (
        <ul>
          <For each={block.items}>{(item) => <li>{<Inline text={item} />}</li>}</For>
        </ul>
      );
    case "ol":
      return (
        <ol>
          <For each={block.items}>{(item) => <li>{<Inline text={item} />}</li>}</For>
        </ol>
      );
    case "p":
      return (
        <p>
          <For each={block.lines}>
            {(line, i) => (
              <>
                {i() > 0 ? <br /> : null}
                <Inline text={line} />
              </>
            )}
          </For>
        </p>
      );
  }
}

export function Introduction(props: { markdown: string }) {
  return (
    <div class="consultation-introduction" data-testid="consultation-introduction">
      <For each={blocksOf(props.markdown)}>{(block) => <BlockView block={block} />}</For>
    </div>
  );
}
