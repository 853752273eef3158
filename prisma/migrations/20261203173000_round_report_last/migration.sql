-- A round's report is tens of megabytes for a national round, kept in SQLite's overflow pages.
-- A column stored after it is read by walking those pages: every read of a round's status or
-- dates cost 20-30 ms, and a national round's explanation pages served 20-33 requests/s.
-- Moved to the last column, it is read only when asked for.
ALTER TABLE "Round" ADD COLUMN "reportLast" TEXT;
UPDATE "Round" SET "reportLast" = "report";
ALTER TABLE "Round" DROP COLUMN "report";
ALTER TABLE "Round" RENAME COLUMN "reportLast" TO "report";
