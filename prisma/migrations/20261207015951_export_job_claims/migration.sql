-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "queueJobId" TEXT;
