-- A gateway database as the release before versioned schema migrations left it (PostgreSQL): its schema (the same
-- as migration V1, which is frozen; no flyway_schema_history) and data in it. UpgradeIT loads it into an empty
-- database and starts the current build on it. The writer of the charging numbers is this test's node name,
-- mm7-upgrade-node.

CREATE TABLE mm7_access_refusal (
    id bigint NOT NULL,
    at timestamp NOT NULL,
    auth_mechanism varchar(32),
    client_address varchar(64),
    details varchar(1000),
    login varchar(64),
    operation varchar(16),
    status_code integer NOT NULL,
    tls boolean NOT NULL,
    transaction_id varchar(200),
    vas_id varchar(64),
    vasp_id varchar(64)
);

CREATE SEQUENCE mm7_access_refusal_seq START WITH 20 INCREMENT BY 20;

CREATE TABLE mm7_admin_account (
    username varchar(64) NOT NULL,
    created_at timestamp NOT NULL,
    enabled boolean NOT NULL,
    password_hash varchar(128) NOT NULL
);

CREATE TABLE mm7_admin_audit (
    id bigint NOT NULL,
    action varchar(64) NOT NULL,
    admin_user varchar(64) NOT NULL,
    at timestamp NOT NULL,
    details varchar(1000),
    target varchar(200)
);

CREATE SEQUENCE mm7_admin_audit_seq START WITH 10 INCREMENT BY 10;

CREATE TABLE mm7_answered_submit (
    id bigint NOT NULL,
    answered_at timestamp NOT NULL,
    details varchar(4000),
    login varchar(64) NOT NULL,
    message_id varchar(64) NOT NULL,
    request_digest varchar(64),
    status_code integer NOT NULL,
    transaction_id varchar(256) NOT NULL,
    vasp_id varchar(64) NOT NULL
);

CREATE SEQUENCE mm7_answered_submit_seq START WITH 50 INCREMENT BY 50;

CREATE SEQUENCE mm7_attempt_seq START WITH 100 INCREMENT BY 100;

CREATE TABLE mm7_charging_event (
    id bigint NOT NULL,
    charged_party varchar(12),
    content_type varchar(1000),
    details varchar(2000),
    linked_id varchar(256),
    message_class varchar(16),
    message_id varchar(64),
    message_size bigint,
    occurred_at timestamp NOT NULL,
    priority varchar(8),
    recipient varchar(256),
    recipient_count integer,
    record_type varchar(32) NOT NULL,
    result varchar(32) NOT NULL,
    sender varchar(256),
    seq bigint,
    service_code varchar(1024),
    status_code integer NOT NULL,
    vas_id varchar(256),
    vasp_id varchar(64) NOT NULL,
    writer varchar(128),
    charged_party_id varchar(256),
    delivery_report boolean,
    distribution_indicator boolean,
    earliest_delivery timestamp,
    expiry_time timestamp,
    mm_status varchar(16),
    mm_status_at timestamp,
    read_reply boolean,
    recipient_kind varchar(4),
    recipient_type varchar(12),
    recipients varchar(40000),
    reply_charging boolean,
    reply_charging_size bigint,
    reply_deadline timestamp,
    sender_type varchar(12),
    submitted_at timestamp
);

CREATE SEQUENCE mm7_charging_seq START WITH 100 INCREMENT BY 100;

CREATE TABLE mm7_charging_writer (
    writer varchar(128) NOT NULL,
    last_seq bigint NOT NULL
);

CREATE TABLE mm7_content (
    id bigint NOT NULL,
    body bytea NOT NULL,
    content_type varchar(1000) NOT NULL,
    sha256 varchar(64) NOT NULL,
    size_bytes bigint NOT NULL
);

CREATE SEQUENCE mm7_content_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mm7_delivery_attempt (
    id bigint NOT NULL,
    attempted_at timestamp NOT NULL,
    detail varchar(500),
    outcome varchar(24) NOT NULL,
    recipient bigint
);

CREATE SEQUENCE mm7_directory_seq START WITH 20 INCREMENT BY 20;

CREATE TABLE mm7_mail_domain (
    id bigint NOT NULL,
    domain varchar(253) NOT NULL,
    open_domain boolean NOT NULL
);

CREATE TABLE mm7_message (
    id bigint NOT NULL,
    accepted_by varchar(128),
    charged_party varchar(12),
    chunk_size integer NOT NULL,
    delivery_report boolean NOT NULL,
    earliest_delivery timestamp,
    expired_at timestamp,
    expiry timestamp,
    linked_id varchar(256),
    message_class varchar(16),
    message_id varchar(64) NOT NULL,
    priority varchar(8),
    read_reply boolean NOT NULL,
    recipient_count integer NOT NULL,
    service_code varchar(1024),
    state varchar(16) NOT NULL,
    subject varchar(1000),
    submitted_at timestamp NOT NULL,
    transaction_id varchar(256),
    vas_id varchar(64),
    vasp_id varchar(64) NOT NULL,
    sender_type varchar(12),
    sender_address varchar(256),
    vasp bigint,
    content bigint
);

CREATE SEQUENCE mm7_message_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mm7_mo_message (
    id bigint NOT NULL,
    linked_id varchar(64) NOT NULL,
    received_at timestamp NOT NULL,
    sender varchar(256) NOT NULL,
    short_code varchar(32) NOT NULL,
    subject varchar(1000),
    text varchar(4000),
    vasp_id varchar(64) NOT NULL
);

CREATE SEQUENCE mm7_mo_message_seq START WITH 10 INCREMENT BY 10;

CREATE TABLE mm7_node_heartbeat (
    node varchar(128) NOT NULL,
    seen_at timestamp NOT NULL
);

CREATE TABLE mm7_number_range (
    id bigint NOT NULL,
    open_range boolean NOT NULL,
    prefix varchar(15) NOT NULL
);

CREATE TABLE mm7_outbound_call (
    id bigint NOT NULL,
    attempts integer NOT NULL,
    completed_at timestamp,
    created_at timestamp NOT NULL,
    event_at timestamp NOT NULL,
    http_status integer,
    kind varchar(24) NOT NULL,
    last_error varchar(1000),
    message_id varchar(64) NOT NULL,
    mm_status varchar(24),
    recipient varchar(256) NOT NULL,
    recipient_id bigint,
    recipient_type varchar(12) NOT NULL,
    sender varchar(256),
    sender_type varchar(12),
    state varchar(16) NOT NULL,
    vasp_id varchar(64) NOT NULL,
    vasp_status integer,
    vasp_status_text varchar(1000)
);

CREATE SEQUENCE mm7_outbound_call_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mm7_planned_recipients (
    id bigint NOT NULL,
    entries text NOT NULL,
    message bigint
);

CREATE SEQUENCE mm7_planned_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mm7_rate_window (
    vasp_id varchar(64) NOT NULL,
    recipients integer NOT NULL,
    submissions integer NOT NULL,
    window_second bigint NOT NULL
);

CREATE TABLE mm7_recipient (
    id bigint NOT NULL,
    chunk integer NOT NULL,
    kind varchar(8) NOT NULL,
    retrieved_content bigint,
    state varchar(16) NOT NULL,
    state_changed_at timestamp NOT NULL,
    version bigint,
    address_type varchar(12) NOT NULL,
    address varchar(256) NOT NULL,
    message bigint
);

CREATE SEQUENCE mm7_recipient_seq START WITH 100 INCREMENT BY 100;

CREATE TABLE mm7_relay_endpoint (
    id bigint NOT NULL,
    empty_ok_is_ack boolean NOT NULL,
    login varchar(256),
    mm7_release varchar(32) NOT NULL,
    password_sealed varchar(1024),
    short_codes varchar(1000),
    timeout_ms integer NOT NULL,
    trusted_pem varchar(16000),
    updated_at timestamp NOT NULL,
    url varchar(2000) NOT NULL,
    vasp bigint NOT NULL
);

CREATE SEQUENCE mm7_relay_endpoint_seq START WITH 10 INCREMENT BY 10;

CREATE TABLE mm7_service_level (
    id bigint NOT NULL,
    allowed_charged_parties varchar(100),
    allowed_client_networks varchar(2000),
    allowed_operations varchar(100) NOT NULL,
    allowed_priorities varchar(100),
    allowed_senders varchar(2000),
    auth_mechanisms varchar(100) NOT NULL,
    delivery_report_allowed boolean NOT NULL,
    max_expiry_seconds bigint,
    max_message_size bigint,
    max_recipients integer,
    max_recipients_per_second integer,
    max_submissions_per_second integer,
    read_reply_allowed boolean NOT NULL,
    tls_required boolean NOT NULL,
    vas_id varchar(64),
    vasp bigint
);

CREATE SEQUENCE mm7_service_level_seq START WITH 10 INCREMENT BY 10;

CREATE TABLE mm7_subscriber (
    id bigint NOT NULL,
    state varchar(16) NOT NULL,
    state_changed_at timestamp NOT NULL,
    address_type varchar(12) NOT NULL,
    address varchar(256) NOT NULL
);

CREATE SEQUENCE mm7_subscriber_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mm7_vas (
    id bigint NOT NULL,
    active boolean NOT NULL,
    name varchar(200),
    vas_id varchar(64) NOT NULL,
    vasp bigint
);

CREATE SEQUENCE mm7_vas_seq START WITH 10 INCREMENT BY 10;

CREATE TABLE mm7_vasp (
    id bigint NOT NULL,
    client_cert_not_after timestamp,
    client_cert_sha256 varchar(64),
    client_cert_subject varchar(500),
    created_at timestamp NOT NULL,
    digest_md5_ha1 varchar(32),
    digest_sha256_ha1 varchar(64),
    failed_logins integer NOT NULL,
    locked_until_ms bigint NOT NULL,
    login varchar(64) NOT NULL,
    name varchar(200) NOT NULL,
    password_hash varchar(128),
    status varchar(16) NOT NULL,
    vasp_id varchar(64) NOT NULL
);

CREATE SEQUENCE mm7_vasp_seq START WITH 10 INCREMENT BY 10;

ALTER TABLE mm7_access_refusal ADD CONSTRAINT mm7_access_refusal_pkey PRIMARY KEY (id);
ALTER TABLE mm7_admin_account ADD CONSTRAINT mm7_admin_account_pkey PRIMARY KEY (username);
ALTER TABLE mm7_admin_audit ADD CONSTRAINT mm7_admin_audit_pkey PRIMARY KEY (id);
ALTER TABLE mm7_answered_submit ADD CONSTRAINT mm7_answered_submit_pkey PRIMARY KEY (id);
ALTER TABLE mm7_answered_submit ADD CONSTRAINT mm7_answered_submit_tx UNIQUE (vasp_id, transaction_id);
ALTER TABLE mm7_charging_event ADD CONSTRAINT mm7_charging_event_pkey PRIMARY KEY (id);
ALTER TABLE mm7_charging_writer ADD CONSTRAINT mm7_charging_writer_pkey PRIMARY KEY (writer);
ALTER TABLE mm7_charging_event ADD CONSTRAINT mm7_charging_writer_seq UNIQUE (writer, seq);
ALTER TABLE mm7_content ADD CONSTRAINT mm7_content_pkey PRIMARY KEY (id);
ALTER TABLE mm7_delivery_attempt ADD CONSTRAINT mm7_delivery_attempt_pkey PRIMARY KEY (id);
ALTER TABLE mm7_mail_domain ADD CONSTRAINT mm7_mail_domain_domain_key UNIQUE (domain);
ALTER TABLE mm7_mail_domain ADD CONSTRAINT mm7_mail_domain_pkey PRIMARY KEY (id);
ALTER TABLE mm7_message ADD CONSTRAINT mm7_message_message_id_key UNIQUE (message_id);
ALTER TABLE mm7_message ADD CONSTRAINT mm7_message_pkey PRIMARY KEY (id);
ALTER TABLE mm7_mo_message ADD CONSTRAINT mm7_mo_message_linked_id_key UNIQUE (linked_id);
ALTER TABLE mm7_mo_message ADD CONSTRAINT mm7_mo_message_pkey PRIMARY KEY (id);
ALTER TABLE mm7_node_heartbeat ADD CONSTRAINT mm7_node_heartbeat_pkey PRIMARY KEY (node);
ALTER TABLE mm7_number_range ADD CONSTRAINT mm7_number_range_pkey PRIMARY KEY (id);
ALTER TABLE mm7_number_range ADD CONSTRAINT mm7_number_range_prefix_key UNIQUE (prefix);
ALTER TABLE mm7_outbound_call ADD CONSTRAINT mm7_outbound_call_pkey PRIMARY KEY (id);
ALTER TABLE mm7_planned_recipients ADD CONSTRAINT mm7_planned_recipients_message_key UNIQUE (message);
ALTER TABLE mm7_planned_recipients ADD CONSTRAINT mm7_planned_recipients_pkey PRIMARY KEY (id);
ALTER TABLE mm7_rate_window ADD CONSTRAINT mm7_rate_window_pkey PRIMARY KEY (vasp_id);
ALTER TABLE mm7_recipient ADD CONSTRAINT mm7_recipient_pkey PRIMARY KEY (id);
ALTER TABLE mm7_relay_endpoint ADD CONSTRAINT mm7_relay_endpoint_pkey PRIMARY KEY (id);
ALTER TABLE mm7_relay_endpoint ADD CONSTRAINT mm7_relay_endpoint_vasp_key UNIQUE (vasp);
ALTER TABLE mm7_service_level ADD CONSTRAINT mm7_service_level_pkey PRIMARY KEY (id);
ALTER TABLE mm7_subscriber ADD CONSTRAINT mm7_subscriber_address UNIQUE (address_type, address);
ALTER TABLE mm7_subscriber ADD CONSTRAINT mm7_subscriber_pkey PRIMARY KEY (id);
ALTER TABLE mm7_vas ADD CONSTRAINT mm7_vas_pkey PRIMARY KEY (id);
ALTER TABLE mm7_vasp ADD CONSTRAINT mm7_vasp_client_cert_sha256_key UNIQUE (client_cert_sha256);
ALTER TABLE mm7_vasp ADD CONSTRAINT mm7_vasp_login_key UNIQUE (login);
ALTER TABLE mm7_vasp ADD CONSTRAINT mm7_vasp_pkey PRIMARY KEY (id);
ALTER TABLE mm7_vasp ADD CONSTRAINT mm7_vasp_vasp_id_key UNIQUE (vasp_id);
ALTER TABLE mm7_service_level ADD CONSTRAINT unq_mm7_service_level_0 UNIQUE (vasp, vas_id);
ALTER TABLE mm7_vas ADD CONSTRAINT unq_mm7_vas_0 UNIQUE (vasp, vas_id);

CREATE INDEX mm7_access_refusal_vasp ON mm7_access_refusal (vasp_id, at);
CREATE INDEX mm7_admin_audit_at ON mm7_admin_audit (at);
CREATE INDEX mm7_attempt_recipient ON mm7_delivery_attempt (recipient);
CREATE INDEX mm7_charging_message ON mm7_charging_event (message_id);
CREATE INDEX mm7_charging_time ON mm7_charging_event (occurred_at);
CREATE INDEX mm7_charging_unsequenced ON mm7_charging_event (seq, id);
CREATE INDEX mm7_charging_vasp_time ON mm7_charging_event (vasp_id, occurred_at);
CREATE INDEX mm7_message_expiry ON mm7_message (expiry, expired_at);
CREATE INDEX mm7_message_state ON mm7_message (state, submitted_at);
CREATE INDEX mm7_outbound_message ON mm7_outbound_call (message_id);
CREATE INDEX mm7_recipient_mailbox ON mm7_recipient (address);
CREATE INDEX mm7_recipient_message ON mm7_recipient (message, chunk);
CREATE INDEX mm7_subscriber_lookup ON mm7_subscriber (address);

ALTER TABLE mm7_delivery_attempt ADD CONSTRAINT fk_mm7_delivery_attempt_recipient FOREIGN KEY (recipient) REFERENCES mm7_recipient(id);
ALTER TABLE mm7_message ADD CONSTRAINT fk_mm7_message_content FOREIGN KEY (content) REFERENCES mm7_content(id);
ALTER TABLE mm7_message ADD CONSTRAINT fk_mm7_message_vasp FOREIGN KEY (vasp) REFERENCES mm7_vasp(id);
ALTER TABLE mm7_planned_recipients ADD CONSTRAINT fk_mm7_planned_recipients_message FOREIGN KEY (message) REFERENCES mm7_message(id);
ALTER TABLE mm7_recipient ADD CONSTRAINT fk_mm7_recipient_message FOREIGN KEY (message) REFERENCES mm7_message(id);
ALTER TABLE mm7_relay_endpoint ADD CONSTRAINT fk_mm7_relay_endpoint_vasp FOREIGN KEY (vasp) REFERENCES mm7_vasp(id);
ALTER TABLE mm7_service_level ADD CONSTRAINT fk_mm7_service_level_vasp FOREIGN KEY (vasp) REFERENCES mm7_vasp(id);
ALTER TABLE mm7_vas ADD CONSTRAINT fk_mm7_vas_vasp FOREIGN KEY (vasp) REFERENCES mm7_vasp(id);

-- charging events are written once: UPDATE, DELETE and TRUNCATE are refused, apart from the sequencer numbering
-- an event once, so not even SQL outside the application can change what billing was told
CREATE FUNCTION mm7_charging_event_immutable() RETURNS trigger
    LANGUAGE plpgsql
    AS $f$
DECLARE
    numbered mm7_charging_event;
BEGIN
    -- the one change allowed: the sequencer numbering an event that has no number yet
    IF TG_OP = 'UPDATE' AND OLD.writer IS NULL AND OLD.seq IS NULL
       AND NEW.writer IS NOT NULL AND NEW.seq IS NOT NULL THEN
        numbered := OLD; numbered.writer := NEW.writer; numbered.seq := NEW.seq;
        IF numbered IS NOT DISTINCT FROM NEW THEN RETURN NEW; END IF;
    END IF;
    RAISE EXCEPTION 'charging events are immutable: % refused', TG_OP;
END
$f$;
CREATE TRIGGER mm7_charging_event_no_change BEFORE DELETE OR UPDATE ON mm7_charging_event FOR EACH ROW EXECUTE FUNCTION mm7_charging_event_immutable();
CREATE TRIGGER mm7_charging_event_no_truncate BEFORE TRUNCATE ON mm7_charging_event FOR EACH STATEMENT EXECUTE FUNCTION mm7_charging_event_immutable();

-- data -------------------------------------------------------------------------------------------------------------
-- the sequences where EclipseLink's pre-allocation had taken them
SELECT setval('mm7_vasp_seq', 10), setval('mm7_service_level_seq', 10), setval('mm7_message_seq', 50),
       setval('mm7_content_seq', 50), setval('mm7_planned_seq', 50), setval('mm7_recipient_seq', 100),
       setval('mm7_charging_seq', 100), setval('mm7_directory_seq', 20);

INSERT INTO mm7_number_range (id, open_range, prefix) VALUES (1, true, '4477009');

INSERT INTO mm7_vasp (id, created_at, failed_logins, locked_until_ms, login, name, status, vasp_id)
VALUES (1, '2026-11-01 09:00:00', 0, 0, 'upgrade-vasp', 'VASP of the release before', 'ACTIVE', 'upgrade-vasp'),
       (2, '2026-11-01 09:00:00', 0, 0, 'upgrade-suspended', 'A suspended VASP', 'SUSPENDED', 'upgrade-suspended');
INSERT INTO mm7_service_level (id, allowed_operations, auth_mechanisms, delivery_report_allowed, read_reply_allowed,
                               tls_required, vasp)
VALUES (1, 'SUBMIT', 'BASIC', true, true, false, 1),
       (2, 'SUBMIT', 'BASIC', true, true, false, 2);

INSERT INTO mm7_content (id, body, content_type, sha256, size_bytes)
VALUES (1, convert_to('hello from the release before', 'UTF8'), 'text/plain',
        encode(sha256(convert_to('hello from the release before', 'UTF8')), 'hex'), 29);

-- messages in every state: distributed with recipients delivered, retrieved, read, rejected, expired, cancelled;
-- and one accepted before the upgrade whose distribution never started (the upgrade stopped the node)
INSERT INTO mm7_message (id, accepted_by, chunk_size, delivery_report, message_id, read_reply, recipient_count, state,
                         submitted_at, transaction_id, vasp_id, vasp, content, expiry, sender_type, sender_address)
VALUES (1, 'mm7-upgrade-node', 500, false, 'upgrade-delivered', false, 6, 'DISTRIBUTED', '2026-11-30 10:00:00',
        'tx-1', 'upgrade-vasp', 1, 1, NULL, NULL, NULL),
       (2, 'mm7-upgrade-node', 500, false, 'upgrade-pending', false, 2, 'ACCEPTED', '2026-11-30 10:05:00',
        'tx-2', 'upgrade-vasp', 1, 1, '2099-01-01 00:00:00', NULL, NULL);
INSERT INTO mm7_planned_recipients (id, entries, message)
VALUES (1, E'TN 447700900901\nTN 447700900902\nTN 447700900903\nTN 447700900904\nTN 447700900905\nTN 447700900906\n', 1),
       (2, E'TN 447700900911\nCN 447700900912\n', 2);
INSERT INTO mm7_recipient (id, chunk, kind, state, state_changed_at, version, address_type, address, message)
VALUES (1, 0, 'TO', 'DELIVERED', '2026-11-30 10:00:01', 1, 'NUMBER', '447700900901', 1),
       (2, 0, 'TO', 'RETRIEVED', '2026-11-30 10:00:02', 2, 'NUMBER', '447700900902', 1),
       (3, 0, 'TO', 'READ', '2026-11-30 10:00:03', 3, 'NUMBER', '447700900903', 1),
       (4, 0, 'TO', 'REJECTED', '2026-11-30 10:00:04', 2, 'NUMBER', '447700900904', 1),
       (5, 0, 'TO', 'EXPIRED', '2026-11-30 10:00:05', 2, 'NUMBER', '447700900905', 1),
       (6, 0, 'TO', 'CANCELLED', '2026-11-30 10:00:06', 2, 'NUMBER', '447700900906', 1);

-- charging: numbers 1 to 3 written; the pending message's submit event was written and not numbered yet
INSERT INTO mm7_charging_writer (writer, last_seq) VALUES ('mm7-upgrade-node', 3);
INSERT INTO mm7_charging_event (id, message_id, occurred_at, record_type, result, status_code, vasp_id, writer, seq,
                                recipient_count)
VALUES (1, 'upgrade-delivered', '2026-11-30 10:00:00', 'MM7_SUBMIT', 'ACCEPTED', 1000, 'upgrade-vasp',
        'mm7-upgrade-node', 1, 6),
       (2, 'upgrade-delivered', '2026-11-30 10:00:01', 'RECIPIENT_DELIVERY', 'DELIVERED', 1000, 'upgrade-vasp',
        'mm7-upgrade-node', 2, 1),
       (3, 'upgrade-delivered', '2026-11-30 10:00:02', 'RECIPIENT_DELIVERY', 'DELIVERED', 1000, 'upgrade-vasp',
        'mm7-upgrade-node', 3, 1),
       (4, 'upgrade-pending', '2026-11-30 10:05:00', 'MM7_SUBMIT', 'ACCEPTED', 1000, 'upgrade-vasp', NULL, NULL, 2);

INSERT INTO mm7_node_heartbeat (node, seen_at) VALUES ('mm7-upgrade-node', '2026-11-30 10:05:01');
