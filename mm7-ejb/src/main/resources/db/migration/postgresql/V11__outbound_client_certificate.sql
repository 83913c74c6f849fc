-- Issue 22 (the gateway authenticates to VASPs): whether the gateway presents its own TLS client certificate
-- (system property mm7.relay.client-keystore) to the VASP's https endpoint, beside any Basic or Digest credentials;
-- null, as in the rows from before, is false.
ALTER TABLE mm7_relay_endpoint ADD COLUMN client_certificate BOOLEAN;
