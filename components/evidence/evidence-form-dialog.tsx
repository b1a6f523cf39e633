"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { EvidenceForm, type EvidenceFormProps } from "@/components/evidence/evidence-form";
import { Button, type ButtonProps } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";

type Props = Omit<EvidenceFormProps, "onDone"> & {
  triggerLabel: string;
  title: string;
  description?: string;
  triggerVariant?: ButtonProps["variant"];
  /** After saving: open the new item's page, or stay and refresh the current page. */
  after?: "open" | "refresh";
};

/** The evidence form in a dialog: "Add evidence", "Upload new revision", vendor attestations. */
export function EvidenceFormDialog({
  triggerLabel,
  title,
  description,
  triggerVariant = "default",
  after = "open",
  ...formProps
}: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant}>
          <Plus aria-hidden="true" />
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description ? <DialogDescription>{description}</DialogDescription> : null}
        </DialogHeader>
        <EvidenceForm
          {...formProps}
          onDone={(id) => {
            setOpen(false);
            if (after === "open")
              router.push(`/w/${formProps.workspaceSlug}/evidence/${id}?flash=saved`);
            else router.refresh();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
