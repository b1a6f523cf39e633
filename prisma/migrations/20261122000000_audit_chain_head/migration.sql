-- AlterTable: head of the per-workspace audit chain (detects deletion of the newest events)
ALTER TABLE "Workspace" ADD COLUMN     "auditHeadHash" TEXT,
ADD COLUMN     "auditHeadSeq" INTEGER NOT NULL DEFAULT 0;
