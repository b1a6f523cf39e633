-- CreateTable
CREATE TABLE "ReportJob" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "queueJobId" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "requestedById" TEXT,
    "requestedByLabel" TEXT NOT NULL,
    "storageKey" TEXT,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportJob_workspaceId_createdAt_idx" ON "ReportJob"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReportJob" ADD CONSTRAINT "ReportJob_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
