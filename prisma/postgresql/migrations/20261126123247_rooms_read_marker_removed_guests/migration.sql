-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "lastReadAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RemovedGuest" (
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemovedGuest_pkey" PRIMARY KEY ("roomId","userId")
);

-- CreateIndex
CREATE INDEX "RemovedGuest_userId_idx" ON "RemovedGuest"("userId");

-- AddForeignKey
ALTER TABLE "RemovedGuest" ADD CONSTRAINT "RemovedGuest_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemovedGuest" ADD CONSTRAINT "RemovedGuest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
