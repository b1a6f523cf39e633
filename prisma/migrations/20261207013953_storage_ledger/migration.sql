-- CreateEnum
CREATE TYPE "StorageArea" AS ENUM ('EVIDENCE', 'EXPORTS');

-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN     "storageKey" TEXT;

-- CreateTable
CREATE TABLE "PendingObject" (
    "id" TEXT NOT NULL,
    "area" "StorageArea" NOT NULL,
    "key" TEXT NOT NULL,
    "touchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingObject_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingObject_touchedAt_idx" ON "PendingObject"("touchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PendingObject_area_key_key" ON "PendingObject"("area", "key");

-- CreateIndex
CREATE INDEX "Evidence_storageKey_idx" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "ExportJob_storageKey_idx" ON "ExportJob"("storageKey");
