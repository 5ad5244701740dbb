-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "sessionKey" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "lastSeenAt" DATETIME NOT NULL,
    CONSTRAINT "Call_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallParticipant" (
    "callId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "callSessionId" TEXT NOT NULL,
    "path" TEXT,
    "protocol" TEXT,
    "rttMs" INTEGER,
    "packetLossPct" REAL,
    "frameWidth" INTEGER,
    "frameHeight" INTEGER,

    PRIMARY KEY ("callId", "userId"),
    CONSTRAINT "CallParticipant_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

-- Full-text search over chat messages: raw SQL, written by hand (Prisma cannot model FTS5).
-- lib/server/messages/search-messages-sqlite.ts is its only reader.
--
-- MessageSearchDoc gives each message a stable integer document id, in the order messages were
-- stored: Message's own rowid is no such thing (it is not an INTEGER PRIMARY KEY, so VACUUM may
-- renumber it). MessageSearch indexes, per document, the body's words and the room as one
-- token ('r' + the room id's UTF-8 bytes in hex, so a search filters by room inside the index
-- and stops at the newest matches instead of collecting every match of a common word).
-- Contentless: the text is kept once, in Message; contentless_delete lets the triggers delete.
CREATE TABLE "MessageSearchDoc" (
    "docId" INTEGER NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "MessageSearchDoc_messageId_key" ON "MessageSearchDoc"("messageId");
CREATE VIRTUAL TABLE "MessageSearch" USING fts5(
    "body", "roomKey", content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

-- Kept in step by the database, so no code that writes messages has to know about search.
CREATE TRIGGER "Message_search_insert" AFTER INSERT ON "Message" BEGIN
    INSERT INTO "MessageSearchDoc" ("messageId") VALUES (NEW."id");
    INSERT INTO "MessageSearch" ("rowid", "body", "roomKey")
        VALUES (last_insert_rowid(), NEW."body", 'r' || lower(hex(NEW."roomId")));
END;
CREATE TRIGGER "Message_search_update" AFTER UPDATE OF "body", "roomId" ON "Message" BEGIN
    DELETE FROM "MessageSearch" WHERE "rowid" = (SELECT "docId" FROM "MessageSearchDoc" WHERE "messageId" = OLD."id");
    INSERT INTO "MessageSearch" ("rowid", "body", "roomKey")
        SELECT "docId", NEW."body", 'r' || lower(hex(NEW."roomId")) FROM "MessageSearchDoc" WHERE "messageId" = NEW."id";
END;
CREATE TRIGGER "Message_search_delete" AFTER DELETE ON "Message" BEGIN
    DELETE FROM "MessageSearch" WHERE "rowid" = (SELECT "docId" FROM "MessageSearchDoc" WHERE "messageId" = OLD."id");
    DELETE FROM "MessageSearchDoc" WHERE "messageId" = OLD."id";
END;

-- Messages stored before this migration, oldest first.
INSERT INTO "MessageSearchDoc" ("messageId") SELECT "id" FROM "Message" ORDER BY "createdAt", "id";
INSERT INTO "MessageSearch" ("rowid", "body", "roomKey")
    SELECT d."docId", m."body", 'r' || lower(hex(m."roomId")) FROM "MessageSearchDoc" d JOIN "Message" m ON m."id" = d."messageId";
