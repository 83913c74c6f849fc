-- issue 17, security hardening

-- a VASP with services must name one in VASID unless its VASP-wide level allows leaving it out (null = false)
ALTER TABLE mm7_service_level ADD COLUMN vas_id_optional BOOLEAN;

-- failed logins per account and source address (mm7-elytron LoginThrottle; entity mm7gw.security.LoginFailure)
CREATE TABLE mm7_login_failure (
    account_kind VARCHAR(16) NOT NULL,
    login VARCHAR(255) NOT NULL,
    source VARCHAR(64) NOT NULL,
    blocked_until_ms BIGINT NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_ms BIGINT NOT NULL,
    PRIMARY KEY (account_kind, login, source)
);

-- HTTP DIGEST may use MD5 only where a level says so (null = false)
ALTER TABLE mm7_service_level ADD COLUMN digest_md5_allowed BOOLEAN;

-- an H(A1) is kept only where a level of the VASP allows DIGEST, the MD5 one only where that level allows MD5
-- (no level allows MD5 yet: every MD5 H(A1) goes; the VASP needs a new password once MD5 is allowed)
UPDATE mm7_vasp SET digest_sha256_ha1 = NULL WHERE NOT EXISTS (SELECT 1 FROM mm7_service_level l
    WHERE l.vasp = mm7_vasp.id AND l.auth_mechanisms LIKE '%DIGEST%');
UPDATE mm7_vasp SET digest_md5_ha1 = NULL WHERE NOT EXISTS (SELECT 1 FROM mm7_service_level l
    WHERE l.vasp = mm7_vasp.id AND l.auth_mechanisms LIKE '%DIGEST%' AND l.digest_md5_allowed = TRUE);
