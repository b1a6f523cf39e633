// A process for the kill -9 tests: it stores an evidence file through the app's own code and then
// waits to be killed, at the moment the test asks for.
//   streaming: the upload has begun (bytes reached storage) and never finishes
//   stored:    the file is complete in storage, the row not yet written
import { Readable } from "node:stream";

import { storeEvidenceFile } from "@/lib/server/evidence/store-evidence-file";

const moment = process.argv[2];
const head = Buffer.concat([Buffer.from("%PDF-1.7\n", "latin1"), Buffer.alloc(512 * 1024, 0x41)]);

const source =
  moment === "streaming"
    ? new Readable({
        read() {
          if (this.readableLength === 0 && !sentHead) {
            sentHead = true;
            this.push(head);
          }
          // then nothing more: the upload stays in flight
        },
      })
    : Readable.from([head]);
let sentHead = false;

void storeEvidenceFile({ source, fileName: "killed.pdf" }).then((stored) => {
  process.stdout.write(`STORED ${stored.storageKey}\n`);
});
setInterval(() => undefined, 60_000);
