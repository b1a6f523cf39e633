-- CreateTable
CREATE TABLE "Crosswalk" (
    "id" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "workspaceId" TEXT,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Crosswalk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrosswalkVersion" (
    "id" TEXT NOT NULL,
    "crosswalkId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "importedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrosswalkVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Crosswalk_workspaceId_idx" ON "Crosswalk"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Crosswalk_scopeKey_key_key" ON "Crosswalk"("scopeKey", "key");

-- CreateIndex
CREATE UNIQUE INDEX "CrosswalkVersion_crosswalkId_version_key" ON "CrosswalkVersion"("crosswalkId", "version");

-- AddForeignKey
ALTER TABLE "Crosswalk" ADD CONSTRAINT "Crosswalk_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrosswalkVersion" ADD CONSTRAINT "CrosswalkVersion_crosswalkId_fkey" FOREIGN KEY ("crosswalkId") REFERENCES "Crosswalk"("id") ON DELETE CASCADE ON UPDATE CASCADE;
