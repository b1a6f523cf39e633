-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "revokedReason" TEXT;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "revokedReason" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "deactivatedById" TEXT;

-- CreateIndex
CREATE INDEX "ApiToken_workspaceId_createdById_idx" ON "ApiToken"("workspaceId", "createdById");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_invitedById_idx" ON "Invitation"("workspaceId", "invitedById");
