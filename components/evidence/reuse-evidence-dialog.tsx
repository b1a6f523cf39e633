"use client";

import { Link2 } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { type PartChoice, PartPicker } from "@/components/evidence/part-picker";
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
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";

const NONE: PartChoice = { systemId: "", domainKey: "", partId: "" };

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
  const [choice, setChoice] = useState<PartChoice>(NONE);
  const { execute, result, isPending, reset } = useAction(
    linkEvidenceAction.bind(null, workspaceSlug),
    {
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    },
  );
  const errors = resultFieldErrors(result);
  const formError = resultFormError(result);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setChoice(NONE);
          reset();
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
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (choice.partId) execute({ evidenceId, partId: choice.partId });
          }}
        >
          <DialogHeader>
            <DialogTitle>Reuse “{evidenceTitle}”</DialogTitle>
            <DialogDescription>
              Link this evidence to another duty as well. One item can serve many duties and
              systems; its state counts for each of them.
            </DialogDescription>
          </DialogHeader>
          <PartPicker
            workspaceSlug={workspaceSlug}
            idPrefix={idPrefix}
            value={choice}
            onChange={setChoice}
            error={errors.partId}
          />
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          <DialogFooter>
            <Button type="submit" disabled={!choice.partId || isPending}>
              {isPending ? "Linking…" : "Link evidence"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
