-- Issue 17 (relay URL rules): outbound credentials over a plain http relay URL only where an administrator allows
-- it for the VASP. Endpoints that already send a password over http keep doing so, now marked as allowed (the admin
-- API and console show it; the next change of their settings must allow it again or move to https).
ALTER TABLE mm7_relay_endpoint ADD COLUMN plain_http_credentials_allowed BOOLEAN;
UPDATE mm7_relay_endpoint SET plain_http_credentials_allowed = TRUE
    WHERE password_sealed IS NOT NULL AND LOWER(url) LIKE 'http:%';
