-- ITL notices take the DES 1.1 numbers. Notice types: what was 4 and 5 (a CDM CCS project's reversal of storage and
-- missing report) is the DES's 12 and 13, and 4 and 5 now mean the DES's reversal of storage and non-submission of
-- the certification report; the second period's cancellations and reserve, which the DES does not number, move from
-- 11-13 to 91-93. Notice statuses: fulfilled is the DES's 3 (completed), withdrawn (no DES number) is 9; 2 is the
-- DES's incomplete.
UPDATE notices
   SET notice_type = CASE notice_type WHEN 4 THEN 12 WHEN 5 THEN 13 WHEN 11 THEN 91 WHEN 12 THEN 92 WHEN 13 THEN 93
                                      ELSE notice_type END,
       status = CASE status WHEN 3 THEN 9 WHEN 2 THEN 3 ELSE status END;
