-- CreateTable
CREATE TABLE "ArchivedPart" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "domainKey" TEXT NOT NULL,
    "side" "PartSide" NOT NULL,
    "ownerId" TEXT,
    "status" "PartStatus" NOT NULL,
    "justification" TEXT,
    "dueDate" TIMESTAMP(3),
    "riskAcceptanceExpiresAt" TIMESTAMP(3),
    "riskApproverId" TEXT,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "evidenceLinks" JSONB NOT NULL,
    "overrideValue" "ResponsibilityValue",
    "overrideJustification" TEXT,
    "overriddenById" TEXT,
    "overriddenAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL,
    "archivedById" TEXT,
    "archivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArchivedPart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArchivedPart_workspaceId_systemId_idx" ON "ArchivedPart"("workspaceId", "systemId");

-- CreateIndex
CREATE UNIQUE INDEX "ArchivedPart_systemId_domainKey_side_key" ON "ArchivedPart"("systemId", "domainKey", "side");

-- AddForeignKey
ALTER TABLE "ArchivedPart" ADD CONSTRAINT "ArchivedPart_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchivedPart" ADD CONSTRAINT "ArchivedPart_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
