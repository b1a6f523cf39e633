// Verifies an evidence bundle offline, with no database:
//
//   npm run -s export:verify -- <file.zip> [--audit-key-file <path>]
//
// Prints each check that passed; on failure prints the first problem (and any others) and exits 1.
// Without the audit key everything is checked except the audit events' server signatures, which
// are counted; whoever holds the key (the operator: .data/secrets.json in embedded mode, or a file
// holding AUDIT_SECRET) passes it to check those too.
import { readFileSync } from "node:fs";

import { verifyBundle } from "@/lib/export-bundle/verify-bundle";
import { auditKeyFromSecrets } from "@/lib/server/audit/canonical-event";

function readAuditKey(file: string): Uint8Array {
  const text = readFileSync(file, "utf8").trim();
  // The launcher's secrets.json (AUDIT_SECRET, or AUTH_SECRET it is derived from), or the secret.
  if (text.startsWith("{")) {
    const secrets = JSON.parse(text) as { AUDIT_SECRET?: string; AUTH_SECRET?: string };
    return auditKeyFromSecrets(secrets);
  }
  return auditKeyFromSecrets({ AUDIT_SECRET: text });
}

async function main(args: string[]): Promise<number> {
  const keyIndex = args.indexOf("--audit-key-file");
  const keyFile = keyIndex >= 0 ? args[keyIndex + 1] : undefined;
  const file = args.find(
    (arg, index) => !arg.startsWith("-") && !(keyIndex >= 0 && index === keyIndex + 1),
  );
  if (!file || args.includes("--help") || args.includes("-h") || (keyIndex >= 0 && !keyFile)) {
    process.stderr.write(
      "usage: npm run -s export:verify -- <file.zip> [--audit-key-file <secrets.json or file with AUDIT_SECRET>]\n",
    );
    return 2;
  }
  const result = await verifyBundle(file, { auditKey: keyFile ? readAuditKey(keyFile) : null });
  for (const check of result.checks) process.stdout.write(`ok   ${check}\n`);
  if (result.ok) {
    process.stdout.write(
      `VERIFIED ${file}: every hash, the checksums file and the audit chain agree, the OSCAL files validate${keyFile ? ", and the audit signatures are the server's" : ""}.\n`,
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
