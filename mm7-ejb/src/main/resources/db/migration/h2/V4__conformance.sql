-- Issue 22 (MM7 conformance): what the VASP said about its message (Release 6 SubmitReq elements).
ALTER TABLE mm7_message ADD COLUMN vasp_timestamp TIMESTAMP;
ALTER TABLE mm7_message ADD COLUMN allow_adaptations BOOLEAN;
ALTER TABLE mm7_message ADD COLUMN distribution_indicator BOOLEAN;
ALTER TABLE mm7_message ADD COLUMN content_class VARCHAR(16);
ALTER TABLE mm7_message ADD COLUMN drm_content BOOLEAN;
-- the recipient's address as the VASP wrote it (its delivery reports and read replies name it so)
ALTER TABLE mm7_recipient ADD COLUMN written_as VARCHAR(256);
-- the VASP's registered sender address: the Sender of reports about messages submitted without SenderAddress
ALTER TABLE mm7_relay_endpoint ADD COLUMN report_sender VARCHAR(256);
ALTER TABLE mm7_relay_endpoint ADD COLUMN report_sender_type VARCHAR(12);
-- the ServiceCode of the VASP's DeliverRsp (stored and charged)
ALTER TABLE mm7_outbound_call ADD COLUMN vasp_service_code VARCHAR(1024);
