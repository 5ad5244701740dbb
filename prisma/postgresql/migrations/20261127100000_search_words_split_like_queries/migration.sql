-- The chat search index splits text into words as a search query is split: at every
-- punctuation mark. PostgreSQL's own parser kept links, host names, emails, file names,
-- decimals, versions and dates whole ("github.com/foo/bar", "ada@example.com", "3.14") and
-- dropped markup-like text, so a search for "github", "example" or "14" found nothing there,
-- where SQLite's index (unicode61) finds them. The pending-list limit stays as 20261127060000 set it.
DROP INDEX "Message_body_search_idx";
CREATE INDEX "Message_body_search_idx" ON "Message" USING GIN (to_tsvector('simple', regexp_replace("body", '[[:punct:]]+', ' ', 'g')))
  WITH (gin_pending_list_limit = 256);
