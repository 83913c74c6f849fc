-- Issue 22 (MM7 conformance): what the VASP said about its message (Release 6 SubmitReq elements).
ALTER TABLE mm7_message ADD COLUMN vasp_timestamp TIMESTAMP;
ALTER TABLE mm7_message ADD COLUMN allow_adaptations BOOLEAN;
ALTER TABLE mm7_message ADD COLUMN distribution_indicator BOOLEAN;
ALTER TABLE mm7_message ADD COLUMN content_class VARCHAR(16);
ALTER TABLE mm7_message ADD COLUMN drm_content BOOLEAN;
