// The end-to-end server's mailbox: a real SMTP server (tests/support/smtp-sink.ts) that serve.ts
// starts and points the app's SMTP_URL at, plus a small HTTP endpoint listing what it received,
// so a spec (another process) can read the app's e-mails. serve.ts writes the endpoint's address
// to a file named after the app's port; readMailbox() finds it there.
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { startSmtpSink } from "../../support/smtp-sink";

export type MailboxMessage = { to: string; subject: string; text: string };

const addressFile = (port: string) => path.join(process.cwd(), ".data", `e2e-mailbox-${port}.json`);

/** For serve.ts: starts the SMTP server and its listing endpoint; returns the SMTP URL. */
export async function startMailbox(appPort: string) {
  const sink = await startSmtpSink();
  const http = createServer((request, response) => {
    const messages: MailboxMessage[] = sink.messages.map((mail) => ({
      to: mail.to && "text" in mail.to ? mail.to.text : "",
      subject: mail.subject ?? "",
      text: mail.text ?? "",
    }));
    response.writeHead(request.url === "/messages" ? 200 : 404, {
      "content-type": "application/json",
    });
    response.end(JSON.stringify(request.url === "/messages" ? messages : { error: "not found" }));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  await writeFile(addressFile(appPort), JSON.stringify({ url: `http://127.0.0.1:${port}` }));
  return {
    smtpUrl: sink.url,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await sink.close();
    },
  };
}

/** For specs: every e-mail the app has sent so far. */
export async function readMailbox(): Promise<MailboxMessage[]> {
  const port = process.env.E2E_PORT || "3107";
  const { url } = JSON.parse(await readFile(addressFile(port), "utf8")) as { url: string };
  const response = await fetch(`${url}/messages`);
  return (await response.json()) as MailboxMessage[];
}
