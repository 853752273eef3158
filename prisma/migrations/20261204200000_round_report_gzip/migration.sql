-- A national round's report is 63 MB of JSON; gzip makes it 3-5 MB. Writing 63 MB through the
-- client held the service's main thread for a second at the end of every national solve, and
-- each solve grew the database by as much. Reports written before keep their text in "report";
-- new ones leave it null. Added last, after "report": reading a round reads neither.
ALTER TABLE "Round" ADD COLUMN "reportGzip" BLOB;
