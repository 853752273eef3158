-- Round summaries read the report's header (status, statistics, totals) without the whole report.
ALTER TABLE "Round" ADD COLUMN "reportHeader" TEXT;

-- Rounds solved before this migration: the header is the report minus its two long lists.
UPDATE "Round" SET "reportHeader" = json_remove("report", '$.participants', '$.resources') WHERE "report" IS NOT NULL;
