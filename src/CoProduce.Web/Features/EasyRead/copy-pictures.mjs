// Copies the easy-read pictures named in pictures.json into wwwroot/lib/pictures, one file per
// idea (meeting.svg, bus.svg …), so pages and PDFs never depend on OpenMoji's file names.
// Run by the build from the project folder: node Features/EasyRead/copy-pictures.mjs
import { copyFileSync, mkdirSync, readFileSync, existsSync } from "node:fs";
import { extname, join } from "node:path";

const map = JSON.parse(readFileSync("Features/EasyRead/pictures.json", "utf8"));
const output = "wwwroot/lib/pictures";
mkdirSync(output, { recursive: true });
for (const [name, source] of Object.entries(map)) {
  if (name.startsWith("_")) continue;
  const file = /^[0-9A-F]+(-[0-9A-F]+)*$/.test(source)
    ? join("node_modules/openmoji/color/svg", `${source}.svg`)
    : source;
  if (!existsSync(file)) {
    console.error(`error: the picture for "${name}" is missing: ${file}`);
    process.exit(1);
  }
  copyFileSync(file, join(output, name + extname(file)));
}
