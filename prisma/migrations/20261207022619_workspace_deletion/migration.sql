-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "deletionRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DeletedWorkspace" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "deletedById" TEXT,
    "deletedByEmail" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedAt" TIMESTAMP(3),
    "memberCount" INTEGER NOT NULL,
    "finalBundle" TEXT NOT NULL,
    "removed" JSONB,

    CONSTRAINT "DeletedWorkspace_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeletedWorkspace_workspaceId_key" ON "DeletedWorkspace"("workspaceId");

-- CreateIndex
CREATE INDEX "DeletedWorkspace_requestedAt_idx" ON "DeletedWorkspace"("requestedAt");
