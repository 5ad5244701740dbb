-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "sessionKey" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallParticipant" (
    "callId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "callSessionId" TEXT NOT NULL,
    "path" TEXT,
    "protocol" TEXT,
    "rttMs" INTEGER,
    "packetLossPct" DOUBLE PRECISION,
    "frameWidth" INTEGER,
    "frameHeight" INTEGER,

    CONSTRAINT "CallParticipant_pkey" PRIMARY KEY ("callId","userId")
);

-- CreateIndex
CREATE INDEX "Call_roomId_startedAt_id_idx" ON "Call"("roomId", "startedAt", "id");

-- CreateIndex
CREATE INDEX "Call_roomId_endedAt_id_idx" ON "Call"("roomId", "endedAt", "id");

-- CreateIndex
CREATE INDEX "Call_endedAt_lastSeenAt_idx" ON "Call"("endedAt", "lastSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Call_roomId_sessionKey_key" ON "Call"("roomId", "sessionKey");

-- CreateIndex
CREATE INDEX "CallParticipant_callSessionId_idx" ON "CallParticipant"("callSessionId");

-- CreateIndex
CREATE INDEX "CallParticipant_userId_idx" ON "CallParticipant"("userId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallParticipant" ADD CONSTRAINT "CallParticipant_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallParticipant" ADD CONSTRAINT "CallParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over chat messages: raw SQL, written by hand (Prisma cannot model an
-- expression index). lib/server/messages/search-messages-postgresql.ts queries it with the same
-- expression. An index, so PostgreSQL keeps it in step with every insert, update and delete.
-- 'simple': no language's stemming or stop words, so a word in any language is found as written.
CREATE INDEX "Message_body_search_idx" ON "Message" USING GIN (to_tsvector('simple', "body"));
