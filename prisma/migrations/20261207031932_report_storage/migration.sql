-- AlterEnum
ALTER TYPE "StorageArea" ADD VALUE 'REPORTS';

-- CreateIndex
CREATE INDEX "ReportJob_storageKey_idx" ON "ReportJob"("storageKey");
