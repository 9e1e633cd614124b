-- Supplementary transaction types take the DES numbers. Mandatory, Article 3.7ter and ambition increase cancellations
-- are the DES's 4-48, 4-45 and 4-46 (were 4-6, 4-8, 4-9); every replacement is the DES's 6-0 (was 6-1 to 6-4, which
-- the acquiring account tells apart); a carry-over is the DES's 7-39 when it carries AAUs only and 7-38 otherwise
-- (was 7-0). Numbers the DES or the EU had taken move to ours: the CDM registry's excess issuance cancellation 4-3 to
-- 4-83, its forwarding of temporary holding accounts 10-52 to 10-82, and its share of proceeds at issuance, 3-47 (the
-- DES's share of proceeds on the first external transfer of AAUs), to the internal transfer 10-81.
UPDATE transactions t
   SET supplementary_type = CASE
           WHEN NOT EXISTS (SELECT 1 FROM transaction_blocks b WHERE b.transaction_id = t.id AND b.unit_type <> 1) THEN 39
           ELSE 38 END
 WHERE transaction_type = 7 AND supplementary_type = 0;
UPDATE transactions
   SET supplementary_type = CASE supplementary_type WHEN 3 THEN 83 WHEN 6 THEN 48 WHEN 8 THEN 45 WHEN 9 THEN 46
                                                    ELSE supplementary_type END
 WHERE transaction_type = 4;
UPDATE transactions SET supplementary_type = 0 WHERE transaction_type = 6;
UPDATE transactions SET supplementary_type = 82 WHERE transaction_type = 10 AND supplementary_type = 52;
UPDATE transactions SET transaction_type = 10, supplementary_type = 81 WHERE transaction_type = 3 AND supplementary_type = 47;
