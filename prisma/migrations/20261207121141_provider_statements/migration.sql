-- CreateEnum
CREATE TYPE "StatementVisibility" AS ENUM ('PRIVATE_LINK', 'PUBLIC');

-- CreateEnum
CREATE TYPE "StatementReviewState" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "importedStatementVersionId" TEXT;

-- CreateTable
CREATE TABLE "ProviderStatement" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "providerName" TEXT,
    "publicId" TEXT NOT NULL,
    "shareToken" TEXT NOT NULL,
    "visibility" "StatementVisibility" NOT NULL DEFAULT 'PRIVATE_LINK',
    "draft" JSONB NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderStatementVersion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "documentHash" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderStatementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedStatement" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportedStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedStatementVersion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "importedStatementId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "documentHash" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "unmapped" JSONB NOT NULL,
    "diff" JSONB,
    "importedById" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "ImportedStatementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementReviewItem" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "domainKey" TEXT NOT NULL,
    "systemValue" "ResponsibilityValue" NOT NULL,
    "statementValue" "ResponsibilityValue" NOT NULL,
    "state" "StatementReviewState" NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderStatement_publicId_key" ON "ProviderStatement"("publicId");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderStatement_shareToken_key" ON "ProviderStatement"("shareToken");

-- CreateIndex
CREATE INDEX "ProviderStatement_workspaceId_createdAt_idx" ON "ProviderStatement"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ProviderStatementVersion_workspaceId_idx" ON "ProviderStatementVersion"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderStatementVersion_statementId_version_key" ON "ProviderStatementVersion"("statementId", "version");

-- CreateIndex
CREATE INDEX "ImportedStatement_workspaceId_vendorId_idx" ON "ImportedStatement"("workspaceId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedStatement_vendorId_sourceId_key" ON "ImportedStatement"("vendorId", "sourceId");

-- CreateIndex
CREATE INDEX "ImportedStatementVersion_workspaceId_idx" ON "ImportedStatementVersion"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedStatementVersion_importedStatementId_version_key" ON "ImportedStatementVersion"("importedStatementId", "version");

-- CreateIndex
CREATE INDEX "StatementReviewItem_workspaceId_state_idx" ON "StatementReviewItem"("workspaceId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "StatementReviewItem_versionId_systemId_domainKey_key" ON "StatementReviewItem"("versionId", "systemId", "domainKey");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_importedStatementVersionId_fkey" FOREIGN KEY ("importedStatementVersionId") REFERENCES "ImportedStatementVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderStatement" ADD CONSTRAINT "ProviderStatement_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderStatementVersion" ADD CONSTRAINT "ProviderStatementVersion_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "ProviderStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedStatement" ADD CONSTRAINT "ImportedStatement_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedStatement" ADD CONSTRAINT "ImportedStatement_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedStatementVersion" ADD CONSTRAINT "ImportedStatementVersion_importedStatementId_fkey" FOREIGN KEY ("importedStatementId") REFERENCES "ImportedStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementReviewItem" ADD CONSTRAINT "StatementReviewItem_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementReviewItem" ADD CONSTRAINT "StatementReviewItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ImportedStatementVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
