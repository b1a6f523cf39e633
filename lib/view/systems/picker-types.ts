import type { MatrixCell } from "@/lib/domain/derivation";

// Serialisable shapes the server passes to the register/edit form: enough of a framework version
// to explain each deployment model and to derive the duties in the browser before saving.

export type PickerVariant = { key: string; name: string; description: string; examples: string[] };

export type PickerColumn = {
  key: string;
  name: string;
  description: string;
  examples: string[];
  riskLevel: string | null;
  groupName: string | null;
  variants: PickerVariant[];
};

export type PickerFrameworkVersion = {
  versionId: string;
  label: string;
  columns: PickerColumn[];
  rows: { key: string; name: string }[];
  cells: MatrixCell[];
};

export type PickerOption = { id: string; label: string };
