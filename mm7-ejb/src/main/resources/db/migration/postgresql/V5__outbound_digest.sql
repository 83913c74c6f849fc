-- Issue 22 (the gateway authenticates to VASPs): how the outbound credentials are presented, BASIC or DIGEST
-- (RFC 7616); null, as in the rows from before, is BASIC.
ALTER TABLE mm7_relay_endpoint ADD COLUMN outbound_auth VARCHAR(8);
