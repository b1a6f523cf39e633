"use client";

import { Link2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { type DutyChoice, DutyPicker } from "@/components/evidence/duty-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { linkEvidenceAction } from "@/lib/actions/evidence";
import { useActionForm } from "@/lib/forms/use-action-form";
import { deprecatedEvidenceDutyParamsSchema } from "@/lib/validation/evidence";

const NONE: DutyChoice = { systemId: "", domainKey: "", dutyId: "" };

/** "Reuse": links an existing evidence item to one more part (another duty, another system). */
export function ReuseEvidenceDialog({
  workspaceSlug,
  evidenceId,
  evidenceTitle,
  size = "sm",
}: {
  workspaceSlug: string;
  evidenceId: string;
  evidenceTitle: string;
  size?: "sm" | "default";
}) {
  const idPrefix = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<DutyChoice>(NONE);
  const linkEvidence = linkEvidenceAction.bind(null, workspaceSlug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: linkEvidence,
    schema: deprecatedEvidenceDutyParamsSchema,
    defaultValues: { evidenceId, dutyId: "" },
    actionProps: {
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    },
  });
  // The picker narrows system → domain → side; the side it settles on is the form's part.
  const choose = (next: DutyChoice) => {
    setChoice(next);
    form.setValue("dutyId", next.dutyId);
  };
  const dutyError = fieldError("dutyId");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          choose(NONE);
          action.reset();
          form.clearErrors();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size={size}>
          <Link2 aria-hidden="true" />
          Reuse<span className="sr-only"> “{evidenceTitle}”</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form className="grid gap-4" noValidate onSubmit={onSubmit}>
          <DialogHeader>
            <DialogTitle>Reuse “{evidenceTitle}”</DialogTitle>
            <DialogDescription>
              Link this evidence to another duty as well. One item can serve many duties and
              systems; its state counts for each of them.
            </DialogDescription>
          </DialogHeader>
          <DutyPicker
            workspaceSlug={workspaceSlug}
            idPrefix={idPrefix}
            value={choice}
            onChange={choose}
            error={dutyError ? [dutyError] : undefined}
          />
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          <DialogFooter>
            <Button type="submit" disabled={!choice.dutyId || isPending}>
              {isPending ? "Linking…" : "Link evidence"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
