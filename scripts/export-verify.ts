// Verifies an evidence bundle offline, with no database:
//
//   npm run -s export:verify -- <file.zip>
//
// Prints each check that passed; on failure prints the first problem (and any others) and exits 1.
import { verifyBundle } from "@/lib/export-bundle/verify-bundle";

async function main(args: string[]): Promise<number> {
  const file = args.find((arg) => !arg.startsWith("-"));
  if (!file || args.includes("--help") || args.includes("-h")) {
    process.stderr.write("usage: npm run -s export:verify -- <file.zip>\n");
    return 2;
  }
  const result = await verifyBundle(file);
  for (const check of result.checks) process.stdout.write(`ok   ${check}\n`);
  if (result.ok) {
    process.stdout.write(
      `VERIFIED ${file}: every hash, the checksums file and the audit chain agree.\n`,
    );
    return 0;
  }
  const [first, ...rest] = result.problems;
  process.stderr.write(`FAILED ${file}: ${first}\n`);
  for (const problem of rest) process.stderr.write(`     also: ${problem}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `export:verify: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
