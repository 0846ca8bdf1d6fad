-- 013: an adult pupil's consent that a parent receives a copy of the letters about him.
-- Once a pupil is 18 the law names his parents only in VO (until 21); any other parent gets a copy
-- only with the pupil's consent, and the school must be able to show that consent (AVG art. 7 lid 1):
-- the date it was recorded, per parent. NULL: no consent (or withdrawn).
ALTER TABLE guardian_link ADD COLUMN toestemming_afschrift_op TEXT;
