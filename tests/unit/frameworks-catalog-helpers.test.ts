import { describe, expect, it } from "vitest";

import { humanizeKey, scaleVariant } from "@/components/frameworks/scale-style";
import { FrameworkDefinitionInvalidError } from "@/lib/server/frameworks/framework-import-source";
import {
  compareVersionsNewestFirst,
  parseVersionRef,
  visibleFrameworksWhere,
} from "@/lib/server/frameworks/framework-scope";
import { frameworkImportBodySchema, matrixSearchParamsSchema } from "@/lib/validation/frameworks";

describe("framework catalog helpers", () => {
  it("orders versions naturally, newest first", () => {
    expect(["1.9.0", "1.10.0", "1.1.0", "2025", "0.9"].sort(compareVersionsNewestFirst)).toEqual([
      "2025",
      "1.10.0",
      "1.9.0",
      "1.1.0",
      "0.9",
    ]);
  });

  it("parses key@version references of the command line", () => {
    expect(parseVersionRef("ai-security-srm@1.1.0")).toEqual({
      key: "ai-security-srm",
      version: "1.1.0",
    });
    expect(parseVersionRef("ai-security-srm")).toBeNull();
    expect(parseVersionRef("@1.0")).toBeNull();
    expect(parseVersionRef("x@")).toBeNull();
  });

  it("scopes reads to built-ins plus the caller's own workspace", () => {
    expect(visibleFrameworksWhere(null)).toEqual({ scopeKey: "builtin", workspaceId: null });
    expect(visibleFrameworksWhere("ws1")).toEqual({
      OR: [
        { scopeKey: "builtin", workspaceId: null },
        { scopeKey: "ws1", workspaceId: "ws1" },
      ],
    });
  });

  it("turns validation problems into path-keyed field errors", () => {
    const error = new FrameworkDefinitionInvalidError([
      { path: "cells[1].value", message: '"X" is not in the scale (P, C, S, NA)' },
      { path: "cells", message: "missing cell a" },
      { path: "cells", message: "missing cell b" },
    ]);
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({
      "cells[1].value": ['"X" is not in the scale (P, C, S, NA)'],
      cells: ["missing cell a", "missing cell b"],
    });
    expect(error.message).toMatch(/\(3 problems\); first: cells\[1\]\.value/);
  });

  it("labels keys and colours values by side", () => {
    expect(humanizeKey("ai_specific")).toBe("AI-specific");
    expect(humanizeKey("self_managed_and_specialized")).toBe("Self managed and specialized");
    expect(scaleVariant("both")).toBe("shared");
    expect(scaleVariant(undefined)).toBe("outline");
  });

  it("accepts both import body shapes and treats empty filters as unset", () => {
    expect(frameworkImportBodySchema.safeParse({ definition: { key: "x" } }).success).toBe(true);
    expect(frameworkImportBodySchema.safeParse({ content: "key: x", format: "yaml" }).success).toBe(
      true,
    );
    expect(frameworkImportBodySchema.safeParse({ content: "key: x", format: "xml" }).success).toBe(
      false,
    );
    expect(matrixSearchParamsSchema.parse({ version: "", group: "cloud" })).toEqual({
      version: undefined,
      group: "cloud",
      category: undefined,
    });
  });
});
