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
