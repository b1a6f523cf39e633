"use client";

import { Paperclip } from "lucide-react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";

import { EvidenceForm } from "@/components/evidence/evidence-form";
import { ExistingEvidencePicker } from "@/components/evidence/existing-evidence-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { linkEvidenceAction } from "@/lib/actions/evidence";
import { resultFormError } from "@/lib/actions/result";
import type { EvidenceKind } from "@/lib/domain/responsibility";
import type { Option } from "@/lib/view/evidence/labels";

const ALL_KINDS: readonly EvidenceKind[] = ["FILE", "LINK", "NOTE", "ATTESTATION"];

export type AttachEvidenceDialogProps = {
  workspaceSlug: string;
  /** The one responsibility part the evidence is attached to. */
  dutyId: string;
  /** Names the part for people and screen readers, e.g. "Your part of Access control". */
  label: string;
  /** Ids already linked to the part (not offered again under "Choose existing"). */
  linkedIds?: readonly string[];
  /** Vendors an attestation may be held for. */
  vendors?: Option[];
  kinds?: readonly EvidenceKind[];
};

/**
 * Attaches evidence to ONE part: a new item (uploaded, linked, written, attested) or an existing
 * one from the library. Refreshes the page afterwards so counts and coverage update.
 */
export function AttachEvidenceDialog({
  workspaceSlug,
  dutyId,
  label,
  linkedIds = [],
  vendors,
  kinds = ALL_KINDS,
}: AttachEvidenceDialogProps) {
  const idPrefix = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const link = useAction(linkEvidenceAction.bind(null, workspaceSlug));
  const done = () => {
    setOpen(false);
    router.refresh();
  };
  const linkError = resultFormError(link.result);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) link.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <Paperclip aria-hidden="true" />
          Attach evidence<span className="sr-only"> to {label}</span>
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Attach evidence</DialogTitle>
          <DialogDescription>
            To {label}. Add something new or link an item from the evidence library.
          </DialogDescription>
        </DialogHeader>
        <Tabs defaultValue="new">
          <TabsList aria-label="Where the evidence comes from">
            <TabsTrigger value="new">Add new</TabsTrigger>
            <TabsTrigger value="existing">Choose existing</TabsTrigger>
          </TabsList>
          <TabsContent value="new">
            <EvidenceForm
              workspaceSlug={workspaceSlug}
              kinds={kinds}
              dutyIds={[dutyId]}
              vendors={vendors}
              submitLabel="Attach evidence"
              onDone={done}
            />
          </TabsContent>
          <TabsContent value="existing" className="grid gap-3">
            <ExistingEvidencePicker
              workspaceSlug={workspaceSlug}
              idPrefix={idPrefix}
              linkedIds={linkedIds}
              pendingId={pendingId}
              onPick={async (item) => {
                setPendingId(item.id);
                const result = await link.executeAsync({ evidenceId: item.id, dutyId });
                setPendingId(null);
                if (result?.data) done();
              }}
            />
            {linkError ? <Alert variant="error">{linkError}</Alert> : null}
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}
