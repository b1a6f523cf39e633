// Decides whether `npm start` must run `next build`: a fingerprint of the sources that go into the
// build (paths, sizes, modification times) is stored next to the build and compared on start.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "frameworks",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
  "proxy.ts",
];

function walk(root: string, entry: string, hash: ReturnType<typeof createHash>) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(full).sort()) walk(root, path.join(entry, child), hash);
  } else {
    hash.update(`${entry}\0${stat.size}\0${Math.trunc(stat.mtimeMs)}\n`);
  }
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const entry of INPUTS) walk(root, entry, hash);
  return hash.digest("hex");
}

const STAMP = path.join(".next", "source-fingerprint");

export function buildIsCurrent(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const stamp = path.join(root, STAMP);
  if (!fs.existsSync(buildId) || !fs.existsSync(stamp)) return false;
  return fs.readFileSync(stamp, "utf8") === sourceFingerprint(root);
}

export function recordBuild(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), sourceFingerprint(root));
}
