-- The chat search index's pending list: GIN gathers new entries in an unsorted list and merges
-- it into the index in one go once it outgrows gin_pending_list_limit, inside whichever INSERT
-- crosses the limit. At the default 4 MB that INSERT stalled 25-35 ms on the development
-- machine, and every chat message waiting on it with it: the single tail behind the chat
-- benchmark's ack p99 on PostgreSQL. At 256 kB each merge is a sixteenth of that work, the
-- throughput measured the same, and a search also scans a shorter unsorted list.
ALTER INDEX "Message_body_search_idx" SET (gin_pending_list_limit = 256);
