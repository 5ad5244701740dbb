-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "lastReadAt" DATETIME;

-- CreateTable
CREATE TABLE "RemovedGuest" (
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "removedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("roomId", "userId"),
    CONSTRAINT "RemovedGuest_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RemovedGuest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RemovedGuest_userId_idx" ON "RemovedGuest"("userId");
