// Build the front-end assets into static/build/: GOV.UK Frontend compiled with
// Coproduce's settings (system fonts, our brand colour), its JavaScript, and htmx.
// Run by `make assets` (and so by `make run` and `make test`).
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static", "build");
mkdirSync(out, { recursive: true });

const css = compile(join(root, "frontend", "scss", "coproduce.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "coproduce.css"), css.css);

const copies = {
  "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js": "govuk-frontend.min.js",
  "node_modules/htmx.org/dist/htmx.min.js": "htmx.min.js",
  "node_modules/govuk-frontend/dist/govuk/assets/images/favicon.svg": "favicon.svg",
};
for (const [from, to] of Object.entries(copies)) {
  copyFileSync(join(root, from), join(out, to));
}
console.log(`front-end assets built in ${out}`);
