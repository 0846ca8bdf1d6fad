-- The English title of each obligation, beside the Dutch one, for the app's English mode: the rules
-- write both, with the same facts and dates (obligations/rules). Letters and reports keep the Dutch
-- title. NULL means "not filled yet": at the first start after this upgrade the core fills it for
-- every row whose Dutch title the rules still write word for word (obligations/titleBackfill.ts), and
-- sets '' where they no longer do (e.g. a settled task whose facts have changed since); the app then
-- shows that task's Dutch title. An open task gets both titles again at its next recompute.
ALTER TABLE obligation ADD COLUMN titel_en TEXT;
-- The rows still to fill, so the check at every start reads an (almost always empty) index, not the table.
CREATE INDEX obligation_titel_en_leeg ON obligation(id) WHERE titel_en IS NULL;
