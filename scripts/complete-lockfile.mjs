// Adds lock entries for platform-specific optional packages (darwin, win32, wasm builds…) that
// this machine's registry mirror does not serve. `npm install` leaves them out of
// package-lock.json when it cannot read their metadata, and `npm ci` then refuses the lock as
// "out of sync". With an entry marked optional, `npm ci` accepts the lock and simply skips the
// package on platforms where it cannot be fetched. Run after changing dependencies:
//   node scripts/complete-lockfile.mjs
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;

function resolves(fromPath, dependency) {
  let current = fromPath;
  for (;;) {
    const candidate = current
      ? `${current}/node_modules/${dependency}`
      : `node_modules/${dependency}`;
    if (candidate in packages) return true;
    if (!current) return false;
    const index = current.lastIndexOf("/node_modules/");
    current = index >= 0 ? current.slice(0, index) : "";
  }
}

let added = 0;
for (const [path, node] of Object.entries(packages)) {
  for (const [dependency, spec] of Object.entries(node.optionalDependencies ?? {})) {
    if (resolves(path, dependency)) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`skipped ${dependency}@${spec} (from ${path}): not an exact version`);
      continue;
    }
    packages[`node_modules/${dependency}`] = {
      version: spec,
      optional: true,
      ...(node.dev ? { dev: true } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} optional platform package(s) added to package-lock.json`);
