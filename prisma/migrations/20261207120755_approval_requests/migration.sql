-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('RISK_ACCEPTANCE', 'NOT_APPLICABLE', 'OVERRIDE');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "maxApprovalMonths" INTEGER NOT NULL DEFAULT 12;

-- CreateTable
CREATE TABLE "ApprovalRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "ApprovalKind" NOT NULL,
    "dutyId" TEXT,
    "responsibilityId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "domainKey" TEXT NOT NULL,
    "side" "DutySide",
    "proposedValue" "ResponsibilityValue",
    "justification" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByTokenId" TEXT,
    "approverId" TEXT NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedByTokenId" TEXT,
    "decisionComment" TEXT,
    "decidedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApprovalRequest_workspaceId_status_createdAt_idx" ON "ApprovalRequest"("workspaceId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ApprovalRequest_workspaceId_dutyId_createdAt_idx" ON "ApprovalRequest"("workspaceId", "dutyId", "createdAt");

-- CreateIndex
CREATE INDEX "ApprovalRequest_workspaceId_responsibilityId_createdAt_idx" ON "ApprovalRequest"("workspaceId", "responsibilityId", "createdAt");

-- CreateIndex
CREATE INDEX "ApprovalRequest_status_endsAt_idx" ON "ApprovalRequest"("status", "endsAt");

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
