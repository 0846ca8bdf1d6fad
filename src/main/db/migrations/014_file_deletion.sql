-- 014: files a destruction (trust/destroy.ts) still has to remove from disk. The rows are written in
-- the same transaction that deletes the records naming the files, so a crash between the commit and
-- the removal leaves a note instead of an orphaned evidence file; the core finishes the removals
-- when it opens (trust/destroy.ts finishPendingFileDeletions) and a backup never copies a file the
-- database no longer names (trust/backup.ts).
CREATE TABLE file_deletion_pending (
  gebied TEXT NOT NULL CHECK (gebied IN ('bewijs','brieven','exports','logo')),
  opslagnaam TEXT NOT NULL,
  sinds TEXT NOT NULL,
  PRIMARY KEY (gebied, opslagnaam)
);
