-- Issue 22: reply charging. What a submit offers (ReplyCharging with replyChargingSize and replyDeadline), the
-- ReplyChargingID of an MO reply the VASP pays for, and that ID on the reply's charging records.
ALTER TABLE mm7_message ADD COLUMN reply_charging BOOLEAN;
ALTER TABLE mm7_message ADD COLUMN reply_charging_size BIGINT;
ALTER TABLE mm7_message ADD COLUMN reply_deadline TIMESTAMP;
ALTER TABLE mm7_mo_message ADD COLUMN reply_charging_id VARCHAR(64);
ALTER TABLE mm7_charging_event ADD COLUMN reply_charging_id VARCHAR(64);
