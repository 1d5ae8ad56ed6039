import { Mark, mergeAttributes } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    link: {
      /** Links the selection to `href` (refused for an address that is not safe to open). */
      setLink: (attributes: { href: string }) => ReturnType;
      /** Takes the link off the selection, or off the whole link the caret is in. */
      unsetLink: () => ReturnType;
    };
  }
}

/** Addresses a link may open: the web, mail and phone; never `javascript:`, `data:` and the like. */
const safeProtocols = new Set(["http:", "https:", "mailto:", "tel:"]);

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  try {
    return safeProtocols.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/**
 * The `link` mark, as TipTap's Link extension stores it (the same name and attributes, so the
 * texts written with it keep their links), without what makes that extension a tenth of the
 * editor's bytes: linkifyjs, for turning typed and pasted addresses into links by themselves.
 * A link is made with the toolbar (FormatToolbar.tsx). An unsafe address is neither read from
 * pasted HTML nor set, and one already in a text is shown without it.
 */
export const Link = Mark.create({
  name: "link",
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  inclusive: false,

  addAttributes() {
    return {
      href: { default: null },
      target: { default: "_blank" },
      rel: { default: "noopener noreferrer nofollow" },
      class: { default: null },
      title: { default: null },
    };
  },

  parseHTML() {
    return [{ tag: "a[href]", getAttrs: (dom) => (isSafeHref(dom.getAttribute("href")) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    const href = isSafeHref(HTMLAttributes.href) ? HTMLAttributes.href : null;
    return ["a", mergeAttributes(HTMLAttributes, { href }), 0];
  },

  addCommands() {
    return {
      setLink:
        ({ href }) =>
        ({ commands }) =>
          isSafeHref(href) && commands.setMark(this.name, { href }),
      unsetLink:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    };
  },
});
