-- Issue 22: third-party charging. The ChargedPartyID of a message charged to a third party (ChargedParty
-- THIRD_PARTY); the charging events have carried the column (charged_party_id) since the baseline.
ALTER TABLE mm7_message ADD COLUMN charged_party_id VARCHAR(256);
