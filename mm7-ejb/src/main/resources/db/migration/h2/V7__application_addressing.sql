-- Issue 22: application addressing (ApplicID, ReplyApplicID, AuxApplicInfo), kept with the message and on its
-- charging records.
ALTER TABLE mm7_message ADD COLUMN applic_id VARCHAR(256);
ALTER TABLE mm7_message ADD COLUMN reply_applic_id VARCHAR(256);
ALTER TABLE mm7_message ADD COLUMN aux_applic_info VARCHAR(1024);
ALTER TABLE mm7_charging_event ADD COLUMN applic_id VARCHAR(256);
ALTER TABLE mm7_charging_event ADD COLUMN reply_applic_id VARCHAR(256);
ALTER TABLE mm7_charging_event ADD COLUMN aux_applic_info VARCHAR(1024);
