import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { defineConfig, type IndexHtmlTransformContext, type PluginOption } from "vite";
import solid from "vite-plugin-solid";
import {
  motionFirstCodeAttribute,
  motionPageCodeAttribute,
  motionWriterCodeAttribute,
} from "./web/src/motions/headStartCode.ts";
import { assetHeadersFile } from "./worker/http/security-headers.ts";

/**
 * Writes dist/web/_headers, the security headers of every static asset, from the module the
 * Worker uses for its own responses, so the two cannot drift. Only in a build: the dev
 * server injects styles inline (hot reload), which the policy would block.
 */
const securityHeadersFile: PluginOption = {
  name: "samtal-security-headers",
  apply: "build",
  generateBundle() {
    this.emitFile({ type: "asset", fileName: "_headers", source: assetHeadersFile() });
  },
};

const headStartModule = fileURLToPath(new URL("./web/src/motions/headStart.ts", import.meta.url));
const motionModule = (name: string) => fileURLToPath(new URL(`./web/src/motions/${name}`, import.meta.url));
/** The motion page's route chunk, and what a motion written live adds: the room and TipTap. */
const motionPageModules = [motionModule("MotionPage.tsx")];
const motionWriterModules = [motionModule("MotionWriter.tsx"), motionModule("FieldEditor.tsx")];
const motionFirstModule = motionModule("first/firstEditor.ts");

type Bundle = NonNullable<IndexHtmlTransformContext["bundle"]>;
type Chunk = Extract<Bundle[string], { type: "chunk" }>;

function chunkOf(bundle: Bundle, moduleId: string): Chunk {
  const chunk = Object.values(bundle).find(
    (output): output is Chunk => output.type === "chunk" && output.facadeModuleId === moduleId,
  );
  if (!chunk) throw new Error(`samtal-head-start: no chunk for ${moduleId}`);
  return chunk;
}

/** The file names of `roots` and every chunk they import statically. */
function staticClosure(bundle: Bundle, roots: Chunk[]): Set<string> {
  const files = new Set<string>();
  const visit = (chunk: Chunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const imported of chunk.imports) {
      const next = bundle[imported];
      if (next?.type === "chunk") visit(next);
    }
  };
  for (const root of roots) visit(root);
  return files;
}

/**
 * web/src/motions/headStart.ts as an entry of its own, with its own `<script type="module">`
 * before the app's: a module runs only once everything it imports has come, so inside the
 * entry's chunk it would wait for Solid, the router and the dictionary (seconds on a slow
 * phone); on its own (it imports only two names, bundled into it) it asks for the motion as
 * soon as its few hundred bytes are here. The app's chunk imports the same file, so it runs once.
 *
 * The head start also preloads the motion page's code, and the writer's (yjs, TipTap) once
 * the motion's answer says it is written live, long before the router would ask for them.
 * Their file names exist only in the build, so they go on its script tag as two lists,
 * without the chunks the HTML already preloads for the entry.
 */
const headStartScript: PluginOption = {
  name: "samtal-head-start",
  apply: "build",
  transformIndexHtml: {
    order: "post",
    handler(_html, { bundle, chunk: entry }) {
      if (!bundle || !entry) throw new Error("samtal-head-start: the HTML has no bundle");
      const loaded = staticClosure(bundle, [entry]);
      // The first editor comes before the app on a cold open of a live motion (the Worker
      // leaves the app's start to the head start then): neither the app's entry nor Solid
      // (with the dictionary) may be in it, or it would wait for most of the app's bytes.
      const headStart = chunkOf(bundle, headStartModule).fileName;
      const firstCode = [...staticClosure(bundle, [chunkOf(bundle, motionFirstModule)])].filter(
        (file) => file !== headStart,
      );
      const fromEntry = firstCode.filter((file) => {
        const output = bundle[file];
        const withSolid =
          output?.type === "chunk" && Object.keys(output.modules).some((id) => /[\\/]solid-js[\\/]/.test(id));
        return file === entry.fileName || withSolid;
      });
      if (fromEntry.length > 0)
        throw new Error(
          `samtal-head-start: the first editor would wait for the app's ${fromEntry.join(", ")}`,
        );
      const newFiles = (modules: string[]) => {
        const files = [
          ...staticClosure(
            bundle,
            modules.map((id) => chunkOf(bundle, id)),
          ),
        ].filter((file) => !loaded.has(file));
        for (const file of files) loaded.add(file);
        // Largest first: on a slow link the big downloads set the pace, and HTTP/1.1 queues
        // all but six requests at a time.
        const size = (file: string) => {
          const output = bundle[file];
          return output?.type === "chunk" ? output.code.length : 0;
        };
        return files
          .sort((a, b) => size(b) - size(a))
          .map((file) => `/${file}`)
          .join(" ");
      };
      return [
        {
          tag: "script",
          attrs: {
            type: "module",
            // async: a module script otherwise waits for the stylesheet and the parse as well.
            async: true,
            crossorigin: "",
            src: `/${chunkOf(bundle, headStartModule).fileName}`,
            // On the script itself: an async script may run before the rest of the HTML is parsed.
            [motionFirstCodeAttribute]: firstCode.map((file) => `/${file}`).join(" "),
            [motionPageCodeAttribute]: newFiles(motionPageModules),
            [motionWriterCodeAttribute]: newFiles(motionWriterModules),
          },
          injectTo: "head-prepend" as const,
        },
      ];
    },
  },
};

/**
 * The web app (web/) builds to dist/web, which wrangler.toml serves as static assets.
 *
 * `vite` (dev server) also runs the Worker and local D1 through the Cloudflare plugin, so one
 * process serves the SPA with hot reload and /api/*, in development mode. `vite build` builds
 * the SPA only: the production Worker is bundled by wrangler from wrangler.toml. The plugin is
 * imported only when serving, so a build never loads it (or miniflare).
 */
export default defineConfig(async ({ command }) => {
  const plugins: PluginOption[] = [solid(), securityHeadersFile, headStartScript];
  if (command === "serve") {
    const { cloudflare } = await import("@cloudflare/vite-plugin").catch((cause: unknown) => {
      throw new Error(
        "Could not load @cloudflare/vite-plugin for the dev server. If the cause mentions a missing " +
          "export from 'miniflare', the plugin and the miniflare version pinned in package.json " +
          "(overrides) do not match. `vite build` is not affected.",
        { cause },
      );
    });
    plugins.push(
      cloudflare({
        // Relative to the Vite root (web/).
        configPath: "../wrangler.toml",
        // As scripts/lib.ts localVars(): development mode, no jurisdiction (workerd has none),
        // a room token secret and a rate-limit secret made fresh at every start.
        config: {
          vars: {
            SAMTAL_DEV_MODE: "on",
            ROOM_JURISDICTION: "local",
            ROOM_TOKEN_SECRET: randomBytes(32).toString("hex"),
            RATE_LIMIT_SECRET: randomBytes(32).toString("hex"),
          },
        },
        // The same local D1 as `wrangler d1 migrations apply DB --local` and `wrangler dev`
        // (the plugin's default would be web/.wrangler/state).
        persistState: { path: "../.wrangler/state" },
        // Local only: development never reaches a deployed database.
        remoteBindings: false,
      }),
    );
  }
  return {
    root: fileURLToPath(new URL("./web", import.meta.url)),
    plugins,
    build: {
      outDir: "../dist/web",
      emptyOutDir: true,
      // One stylesheet (5 KB gzipped), loaded with the entry while the link is otherwise idle,
      // rather than one per lazy chunk: a cold motion page asked for nine, each a round trip
      // queued behind the scripts (docs/benchmarks.md, "motion-page").
      cssCodeSplit: false,
      rolldownOptions: {
        input: {
          index: fileURLToPath(new URL("./web/index.html", import.meta.url)),
          headStart: headStartModule,
        },
        output: {
          codeSplitting: {
            // The motion's shapes (field names, states, the att-satser's keys), which the entry
            // and the first editor both use: in the entry's chunk, the first editor would wait
            // for the whole app; one small chunk is one request of the six a browser makes at once.
            groups: [
              {
                name: "motion-shapes",
                test: /(worker[\\/]shared[\\/]motions|web[\\/]src[\\/]motions[\\/]proposals)\.ts$/,
              },
            ],
          },
        },
      },
    },
  };
});
