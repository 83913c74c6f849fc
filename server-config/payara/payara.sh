#!/usr/bin/env bash
# Provisions, starts and stops the gateway's Payara domain and its standalone Artemis broker. Idempotent: every
# step that exists already is skipped, so it can run again on the same directories. Used by the src-it profile
# "payara" and the Payara run command (mm7-ear, profile run-payara); see README "Payara Server".
#
#   payara.sh provision   unpacked Payara + Artemis -> domain "mm7" (created once, everything on 127.0.0.1,
#                         OpenMQ disabled), libraries in the domain's lib/, login.conf entry, broker instance
#   payara.sh start       starts the broker and the domain, sets the HTTP listeners' limits, applies
#                         resources.asadmin, deploys RAR and EAR
#   payara.sh resume      starts the broker (unless it runs) and the domain as they were configured and deployed,
#                         nothing else: after a stop or a crash (the tests' CrashIT and UpgradeIT)
#   payara.sh database    moves the running domain's gateway to DB_URL's database (disabled, the pool changed,
#                         enabled again: it migrates that database as it loads)
#   payara.sh stop        stops the domain and the broker (also when they only half started)
#   payara.sh run         provision and start with an empty broker journal (and H2 file), print the gateway's
#                         banner, follow the server log until Ctrl-C, then stop (the run command: mvn -Ppayara,run
#                         package)
#   payara.sh plain-http true|false   switches the plain HTTP listeners of a running domain on or off
#   payara.sh check-secrets   only the check of provision and start: refuses (exit 1) the passwords this project
#                         publishes, see DB_PASSWORD below
#   payara.sh ports       prints the ports (PORT_OFFSET applied) as Java properties (the src-it profile reads them)
#
# Settings (environment; defaults in brackets):
#   PAYARA_HOME      the unpacked payara6 directory                        (required)
#   ARTEMIS_HOME     the unpacked apache-artemis-2.40.0 directory          (required)
#   BROKER_DIR       the broker instance to create and run                 (required)
#   LIBS             directory whose jars go into the domain's lib/ (JDBC driver, mm7-payara-realm, mm7-elytron
#                    and the Elytron password library)                 (required for provision)
#   RAR, EAR         the resource adapter and the gateway to deploy        (required for start)
#   DOMAIN           the domain's name                                     [mm7]
#   MM7_ASADMIN_PASSWORD   the password of Payara's administrator "admin" (asadmin, admin console, REST management
#                    on ADMIN_PORT) when the domain is created; unset: one is generated. Either is kept in the domain's
#                    config/mm7-asadmin-passwordfile (mode 600), which every asadmin call here reads; set later, start
#                    changes the domain's password to it
#   DB_URL           JDBC URL of the gateway's database, PostgreSQL (jdbc:postgresql:...) or H2 (jdbc:h2:...); "h2":
#                    the embedded H2 file <domain>/mm7-h2/gateway in the domain's JVM (the run command's default)
#                                                                   [jdbc:postgresql://127.0.0.1:5432/mm7]
#   DB_USER, DB_PASSWORD                                   [postgres, postgres; on H2: sa, sa]
#                    (the published passwords - postgres, sa, mm7-gateway-secret, the tests' - or empty ones are refused
#                    by provision and start unless MM7_PROPERTIES has mm7.demo=true or
#                    mm7.secrets.known-defaults-allowed=true)
#   PORT_OFFSET      added to every port below, of the domain and the broker (a second domain beside this one,
#                    e.g. another checkout's tests); fixed when the domain is created                      [0]
#   BROKER_PORT      [61716]   BROKER_USER, BROKER_PASSWORD  [mm7-gateway, mm7-gateway-secret]
#   HTTP_PORT [8880]  HTTPS_PORT [8981]  ADMIN_PORT [5048]; further ports 5049-5057 (debugger, JMS, JMX, IIOP,
#   OSGi shell, Hazelcast), all bound to 127.0.0.1
#   CONSOLE_HTTP_PORT [9880]  CONSOLE_HTTPS_PORT [9981]   the console and admin API's own listeners, on the address
#                    mm7.admin.bind-address of MM7_PROPERTIES [127.0.0.1] (mm7.admin.http-port and
#                    mm7.admin.https-port there override the two ports)
#   MM7_PROPERTIES   extra system properties for the gateway, "name=value" separated by spaces (values
#                    without spaces), e.g. mm7.admin.initial-password=... mm7.schema.clean=true (test servers only);
#                    mm7.http.plain-allowed=true keeps the plain HTTP listeners on (else HTTPS only); also the HTTP
#                    limits mm7.http.max-post-size, mm7.http.no-request-timeout, mm7.http.read-timeout
#                    (README "Configuration"); the gateway's TLS client certificate towards VASPs that authenticate
#                    it: mm7.relay.client-keystore=FILE.p12 mm7.relay.client-keystore-password=... (none by default)
#   BILLING_USER, BILLING_PASSWORD   a broker account with the role billing (subscribes to mm7.charging)
#   BROKER_ACCOUNTS  further broker accounts, "user:password:role" separated by spaces (the tests add one with
#                    WildFly's usual role guest, which broker.xml gives nothing)
#   TLS_KEY_STORE    PKCS12 file with the gateway's TLS key pair (alias TLS_KEY_ALIAS [mm7-gateway]) for the HTTPS
#                    listener                                   [Payara's self-signed certificate s1as]
#   TLS_TRUST_STORE  PKCS12 file with the certificates (or CA) of VASPs that log in with a TLS client certificate;
#                    when set, the HTTPS listener asks for client certificates (wanted, not needed)
#   TLS_STORE_PASSWORD   the password of both PKCS12 files
set -Eeuo pipefail  # -E: the ERR trap of start (stop what it started) also fires inside its functions

here="$(cd "$(dirname "$0")" && pwd)"
PORT_OFFSET=${PORT_OFFSET:-0}
HTTP_PORT=${HTTP_PORT:-$((8880 + PORT_OFFSET))}
HTTPS_PORT=${HTTPS_PORT:-$((8981 + PORT_OFFSET))}
ADMIN_PORT=${ADMIN_PORT:-$((5048 + PORT_OFFSET))}
CONSOLE_HTTP_PORT=${CONSOLE_HTTP_PORT:-$((9880 + PORT_OFFSET))}
CONSOLE_HTTPS_PORT=${CONSOLE_HTTPS_PORT:-$((9981 + PORT_OFFSET))}
BROKER_PORT=${BROKER_PORT:-$((61716 + PORT_OFFSET))}
if [ "${1:-}" = ports ]; then
    printf 'payara.http-port=%s\npayara.https-port=%s\npayara.admin-port=%s\npayara.broker-port=%s\n' \
        "$HTTP_PORT" "$HTTPS_PORT" "$ADMIN_PORT" "$BROKER_PORT"
    printf 'payara.console-http-port=%s\npayara.console-https-port=%s\n' "$CONSOLE_HTTP_PORT" "$CONSOLE_HTTPS_PORT"
    exit 0
fi
: "${PAYARA_HOME:?}" "${ARTEMIS_HOME:?}" "${BROKER_DIR:?}"
DOMAIN=${DOMAIN:-mm7}
DOMAIN_DIR="$PAYARA_HOME/glassfish/domains/$DOMAIN"
# the domain's further ports: 5049 to 5057 (with the offset)
port() { echo $(($1 + PORT_OFFSET)); }
BROKER_USER=${BROKER_USER:-mm7-gateway}
BROKER_PASSWORD=${BROKER_PASSWORD:-mm7-gateway-secret}
DB_URL=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/mm7}
# H2 (DB_URL "h2"): the embedded file database <domain>/mm7-h2/gateway, opened by the domain's own JVM (no H2 server,
# nothing listens), with the H2 Payara bundles for its EJB timer pool (h2db/bin/h2.jar); the URL is kept in domain.xml
# with the domain's directory as Payara's ${com.sun.aas.instanceRoot}, as WildFly's datasource-h2.cli keeps it in
# the server's data directory. Its user and password are H2's published sa/sa unless DB_USER and DB_PASSWORD are set.
# WRITE_DELAY=0 as there: every commit is in the file before it returns, so a killed domain loses no acknowledged submit.
H2_URL='jdbc:h2:${com.sun.aas.instanceRoot}/mm7-h2/gateway;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0'
if [ "$DB_URL" = h2 ]; then
    DB_URL=$H2_URL
fi
case "$DB_URL" in
    jdbc:h2:*) DB_DATA_SOURCE=org.h2.jdbcx.JdbcDataSource DB_USER=${DB_USER:-sa} DB_PASSWORD=${DB_PASSWORD:-sa} ;;
    *) DB_DATA_SOURCE=org.postgresql.ds.PGSimpleDataSource DB_USER=${DB_USER:-postgres} DB_PASSWORD=${DB_PASSWORD:-postgres} ;;
esac
# Payara's own administrator (asadmin, the admin console and the REST management API on ADMIN_PORT, 127.0.0.1 only)
# has a password: MM7_ASADMIN_PASSWORD (environment) when the domain is created, else one generated then; kept for
# these scripts in PASSWORD_FILE, inside the domain, readable by its owner only (asadmin --passwordfile format)
PASSWORD_FILE="$DOMAIN_DIR/config/mm7-asadmin-passwordfile"
passwordfile() { if [ -f "$PASSWORD_FILE" ]; then echo "$PASSWORD_FILE"; else echo /dev/null; fi; }
asadmin() { "$PAYARA_HOME/bin/asadmin" --host 127.0.0.1 --port "$ADMIN_PORT" --user admin --passwordfile "$(passwordfile)" "$@"; }
# the local commands (start-domain, stop-domain) with the same credentials
local_asadmin() { "$PAYARA_HOME/bin/asadmin" --user admin --passwordfile "$(passwordfile)" "$@"; }
# 32 letters and digits from /dev/urandom (no pipe into head: its early exit would fail the pipe under pipefail)
new_password() {
    local p=""
    while [ ${#p} -lt 32 ]; do p="$p$(head -c 256 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')"; done
    printf '%s' "${p:0:32}"
}
# writes the file asadmin reads the administrator's password from (owner only, written where no one else can read it)
write_passwordfile() { # file password [further lines]
    local file=$1 password=$2
    shift 2
    # (asadmin reads the file as Java properties: a backslash is written twice)
    (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "${password//\\/\\\\}" > "$file" \
        && for l in "$@"; do printf '%s\n' "${l//\\/\\\\}" >> "$file"; done)
}

# A secret of the domain's configuration as a password alias (WildFly: the environment or a credential store):
# Payara keeps the value encrypted in the domain's config/domain-passwords, and domain.xml only the reference
# ${ALIAS=name}, which Payara resolves where it reads the setting (pool and adapter properties, TLS store passwords,
# system properties). Created, or updated to this value, on the running domain.
secret_alias() { # name value
    local name=$1 value=$2 f verb=create-password-alias
    if grep -qx -- "$name" <<<"$SECRET_ALIASES"; then verb=update-password-alias; fi
    f=$(mktemp)
    write_passwordfile "$f" "$(admin_password)" "AS_ADMIN_ALIASPASSWORD=$value"
    "$PAYARA_HOME/bin/asadmin" --host 127.0.0.1 --port "$ADMIN_PORT" --user admin --passwordfile "$f" $verb "$name" \
        >/dev/null
    rm -f "$f"
    SECRET_ALIASES="$SECRET_ALIASES
$name"
}
# the aliases the running domain has (filled by start)
SECRET_ALIASES=""
# the reference domain.xml holds instead of the secret
alias_ref() { printf '${ALIAS=%s}' "$1"; }
# the administrator's password as the scripts know it
admin_password() { sed -n '/^AS_ADMIN_PASSWORD=/{s///;s/\\\\/\\/g;p;}' "$PASSWORD_FILE"; }

# The administrator's password of a running domain: a domain created before it had one (its administrator has none) gets
# one now, and a set MM7_ASADMIN_PASSWORD that differs from the one kept replaces it.
admin_password_current() {
    local old="" new change
    if [ -f "$PASSWORD_FILE" ]; then
        old=$(admin_password)
        new=${MM7_ASADMIN_PASSWORD:-$old}
        [ "$new" != "$old" ] || return 0
    else
        new=${MM7_ASADMIN_PASSWORD:-$(new_password)}
    fi
    change=$(mktemp)
    write_passwordfile "$change" "$old" "AS_ADMIN_NEWPASSWORD=$new"
    "$PAYARA_HOME/bin/asadmin" --host 127.0.0.1 --port "$ADMIN_PORT" --user admin --passwordfile "$change" \
        change-admin-password >/dev/null
    rm -f "$change"
    write_passwordfile "$PASSWORD_FILE" "$new"
    echo "payara: the domain's administrator 'admin' has a new password${MM7_ASADMIN_PASSWORD:+ (MM7_ASADMIN_PASSWORD)}," \
        "kept in $PASSWORD_FILE (readable by its owner only)"
}
# asadmin wants ':' and '=' inside property values escaped
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

provision() {
    refuse_published_passwords
    if [ ! -f "$DOMAIN_DIR/config/domain.xml" ]; then
        echo "payara: creating domain $DOMAIN"
        local created
        created=$(mktemp)
        write_passwordfile "$created" "${MM7_ASADMIN_PASSWORD:-$(new_password)}"
        "$PAYARA_HOME/bin/asadmin" --user admin --passwordfile "$created" create-domain --nopassword=false --domainproperties \
"domain.adminPort=$ADMIN_PORT:domain.instancePort=$HTTP_PORT:http.ssl.port=$HTTPS_PORT:java.debugger.port=$(port 5049):\
jms.port=$(port 5050):domain.jmxPort=$(port 5051):orb.listener.port=$(port 5052):orb.ssl.port=$(port 5053):\
orb.mutualauth.port=$(port 5054):osgi.shell.telnet.port=$(port 5055)" "$DOMAIN"
        mv "$created" "$PASSWORD_FILE"
        echo "payara: the domain's administrator is 'admin' with the password${MM7_ASADMIN_PASSWORD:+ of MM7_ASADMIN_PASSWORD}" \
            "in $PASSWORD_FILE (readable by its owner only; asadmin --passwordfile reads it)"
    fi
    local xml="$DOMAIN_DIR/config/domain.xml"
    # the ports are the domain's since its creation: a kept domain keeps them
    if ! grep '<network-listener [^>]*name="admin-listener"' "$xml" | grep -q "port=\"$ADMIN_PORT\""; then
        echo "payara: the domain $DOMAIN was created with other ports than ADMIN_PORT $ADMIN_PORT (PORT_OFFSET" \
            "$PORT_OFFSET); delete it ($DOMAIN_DIR, or mvn clean) to create it with these" >&2
        return 1
    fi
    # once per domain: Payara rewrites domain.xml when it runs (comments go), the JVM option below stays
    if ! grep -q -- '-Ddeployment.resource.validation=false' "$xml"; then
        # What asadmin cannot do before the first start: bind every listener of the server's configuration to
        # 127.0.0.1, switch off the bundled OpenMQ broker (it would listen on all addresses), keep Hazelcast on
        # 127.0.0.1, and the JVM options the gateway needs from the first boot on. Deployment-time validation
        # of java:app/env names is off: Payara checks them before the application has bound them.
        sed -i \
            -e '/<config name="server-config"/,/<config name="default-config"/{
                s#<network-listener port=#<network-listener address="127.0.0.1" port=#
                s#address="0.0.0.0"#address="127.0.0.1"#g
                s#^\( *\)<java-config #\1<jms-service type="DISABLED" default-jms-host="default_JMS_host" addresslist-behavior="priority"><jms-host name="default_JMS_host" host="127.0.0.1" port="'"$(port 5050)"'" lazy-init="true"></jms-host></jms-service>\n\1<java-config #
                s#^\( *\)<jvm-options>-Xmx512m</jvm-options>#\1<jvm-options>-Xmx1g</jvm-options>\n\1<jvm-options>-Ddeployment.resource.validation=false</jvm-options>\n\1<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>\n\1<jvm-options>-Dhazelcast.phone.home.enabled=false</jvm-options>#
            }' \
            -e 's#<hazelcast-runtime-configuration #<hazelcast-runtime-configuration interface="127.0.0.1" #' \
            -e 's#\(<hazelcast-runtime-configuration [^>]*\)start-port="[^"]*"#\1start-port="'"$(port 5057)"'"#' \
            -e 's#\(<hazelcast-runtime-configuration [^>]*\)das-port="[^"]*"#\1das-port="'"$(port 5056)"'"#' \
            "$xml"
    fi
    # The H2 database Payara bundles for its own EJB timer pool opens a TCP server (AUTO_SERVER) on a random port of
    # every address unless told otherwise: bound to 127.0.0.1 like everything else. Added to kept domains as well.
    if ! grep -q -- '-Dh2.bindAddress=127.0.0.1' "$xml"; then
        sed -i -e '/<config name="server-config"/,/<config name="default-config"/{
                s#^\( *\)<jvm-options>-Ddeployment.resource.validation=false</jvm-options>#&\n\1<jvm-options>-Dh2.bindAddress=127.0.0.1</jvm-options>#
            }' "$xml"
    fi
    # The JMX connector of the server (JSR 160, RMI on port 5051) is off: bound to one address (127.0.0.1, as everything
    # here) Payara unbinds it under the host's name instead of "jmxrmi" when the domain stops and logs SEVERE
    # NCLS-JMX-00011 with a NotBoundException at every stop (GlassFish issue 16107, still in Payara 6's
    # RMIConnectorStarter). asadmin, deployment and monitoring over HTTP do not use it; jconsole or jcmd on the
    # machine itself still attach to the JVM. Read at start, so written while the domain is down.
    sed -i -e '/<config name="server-config"/,/<config name="default-config"/{
            /<jmx-connector [^>]*name="system"/{s# enabled="[a-z]*"##;s#<jmx-connector #<jmx-connector enabled="false" #}
        }' "$xml"
    # Nothing but the gateway answers on its listeners (WildFly: gateway.cli removes the welcome content): Payara's
    # welcome page in the docroot goes; its MicroProfile endpoints /health, /metrics and /openapi are off and
    # moved to the virtual server of Payara's own admin listener (a disabled one still answers 403 where it is; the
    # gateway has its own health and metrics on its admin side, README "Health"); error pages are the
    # bare status without Payara's report page and version (the virtual server's errorReportValve set to nothing).
    # Read at start, so written while the domain is down; added to kept domains as well.
    rm -rf "${DOMAIN_DIR:?}/docroot/"*
    local mp
    for mp in microprofile-metrics-configuration microprofile-healthcheck-configuration \
            microprofile-openapi-configuration; do
        if grep -q "<$mp" <(sed -n '/<config name="server-config"/,/<config name="default-config"/p' "$xml"); then
            sed -i -e '/<config name="server-config"/,/<config name="default-config"/{
                    /<'"$mp"'/{s# enabled="[a-z]*"##;s# virtual-servers="[^"]*"##;s#<'"$mp"'#<'"$mp"' enabled="false" virtual-servers="__asadmin"#}
                }' "$xml"
        else
            sed -i -e '/<config name="server-config"/,/<config name="default-config"/{
                    s#^\( *\)<java-config #\1<'"$mp"' enabled="false" virtual-servers="__asadmin"></'"$mp"'>\n\1<java-config #
                }' "$xml"
        fi
    done
    if ! grep -q 'name="errorReportValve"' "$xml"; then
        sed -i -e '/<config name="server-config"/,/<config name="default-config"/{
                s#\(<virtual-server [^>]*id="server"[^>/]*\)/>#\1><property name="errorReportValve" value=""></property></virtual-server>#
                s#\(<virtual-server [^>]*id="server"[^>/]*\)></virtual-server>#\1><property name="errorReportValve" value=""></property></virtual-server>#
            }' "$xml"
    fi
    # the web modules' authentication providers (their glassfish-web.xml names them), written before the first start:
    # created at run time, each logs a SEVERE "No slave provider" (the server log of a start stays clean this way)
    if ! grep -q 'provider-id="mm7-vasp-auth"' "$xml"; then
        sed -i -e '/<config name="server-config"/,/<config name="default-config"/{
                s#^\( *\)\(<provider-config provider-type="server" provider-id="GFConsoleAuthModule"\)#\1<provider-config provider-type="server" provider-id="mm7-vasp-auth" class-name="mm7gw.payara.GatewayAuthModule"><request-policy></request-policy><response-policy></response-policy><property name="kind" value="vasp"></property></provider-config>\n\1<provider-config provider-type="server" provider-id="mm7-admin-auth" class-name="mm7gw.payara.GatewayAuthModule"><request-policy></request-policy><response-policy></response-policy><property name="kind" value="admin"></property></provider-config>\n\1\2#
            }' "$xml"
    fi
    if ! grep -q '^mm7Accounts' "$DOMAIN_DIR/config/login.conf"; then
        cat "$here/login.conf" >> "$DOMAIN_DIR/config/login.conf"
    fi
    if [ -n "${LIBS:-}" ]; then
        cp "$LIBS"/*.jar "$DOMAIN_DIR/lib/"
    fi
    if [ ! -f "$BROKER_DIR/etc/broker.xml" ]; then
        echo "artemis: creating broker instance $BROKER_DIR"
        "$ARTEMIS_HOME/bin/artemis" create "$BROKER_DIR" --silent --force --require-login \
            --user "$BROKER_USER" --password "$BROKER_PASSWORD" --role gateway \
            --host 127.0.0.1 --default-port "$BROKER_PORT" --no-web --no-autotune --no-amqp-acceptor \
            --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor >/dev/null
    fi
    cp "$here/artemis/broker.xml" "$BROKER_DIR/etc/broker.xml"
    local account user password role
    for account in ${BILLING_USER:+"$BILLING_USER:$BILLING_PASSWORD:billing"} ${BROKER_ACCOUNTS:-}; do
        IFS=: read -r user password role <<< "$account"
        broker_account "$user" "$password" "$role"
    done
}

# a broker account with one role, added unless the user exists
broker_account() {
    local user=$1 password=$2 role=$3
    if ! grep -q "^$user *=" "$BROKER_DIR/etc/artemis-users.properties"; then
        # (the files "artemis create" writes end without a newline)
        printf '\n%s = %s\n' "$user" "$password" >> "$BROKER_DIR/etc/artemis-users.properties"
        printf '\n%s = %s\n' "$role" "$user" >> "$BROKER_DIR/etc/artemis-roles.properties"
    fi
}

# The passwords this project publishes (defaults above, the test and run profiles' values) are refused outside the
# run command and the test domains (MM7_PROPERTIES with mm7.demo=true or mm7.secrets.known-defaults-allowed=true), as
# the gateway refuses its own published secrets at start-up: the gateway on Payara cannot see these.
refuse_published_passwords() {
    local allowance
    for allowance in mm7.demo=true mm7.secrets.known-defaults-allowed=true; do
        case " ${MM7_PROPERTIES:-} " in
            *" $allowance "*)
                echo "payara.sh: published passwords allowed ($allowance in MM7_PROPERTIES: the run command, or a test)"
                return 0 ;;
        esac
    done
    local found=""
    published() { # setting value published values...
        local name=$1 value=$2 p
        shift 2
        for p in "" "$@"; do
            if [ "$value" = "$p" ]; then
                local what="empty"
                [ -z "$p" ] || what="the published password '$p'"
                found="$found
  - $name is $what: set a password of your own in $name (and in the database or broker account it is for)"
            fi
        done
    }
    published DB_PASSWORD "$DB_PASSWORD" postgres sa
    published BROKER_PASSWORD "$BROKER_PASSWORD" mm7-gateway-secret
    if [ -n "${BILLING_USER:-}" ]; then
        published BILLING_PASSWORD "${BILLING_PASSWORD:-}" it-billing-secret it-guest-secret
    fi
    local account user password role
    for account in ${BROKER_ACCOUNTS:-}; do
        IFS=: read -r user password role <<< "$account"
        published "BROKER_ACCOUNTS ($user)" "$password" it-billing-secret it-guest-secret
    done
    if [ -n "${TLS_KEY_STORE:-}${TLS_TRUST_STORE:-}" ]; then
        published TLS_STORE_PASSWORD "${TLS_STORE_PASSWORD:-}" mm7-gateway-tls changeit
    fi
    if [ -n "$found" ]; then
        echo "payara.sh refuses to configure passwords this project publishes (outside the run command; a test" \
            "domain sets mm7.secrets.known-defaults-allowed=true in MM7_PROPERTIES):$found" >&2
        return 1
    fi
}

# a gateway setting: its value in MM7_PROPERTIES, else the default given
setting() {
    local p v=""
    for p in ${MM7_PROPERTIES:-}; do
        if [ "${p%%=*}" = "$1" ]; then v="${p#*=}"; fi
    done
    printf '%s' "${v:-$2}"
}

# The console and admin API on listeners of their own, apart from the MM7 endpoint (WildFly: the Undertow server
# mm7-admin of gateway.cli): mm7-admin-http (CONSOLE_HTTP_PORT) and mm7-admin-https (CONSOLE_HTTPS_PORT) on the
# address mm7.admin.bind-address (MM7_PROPERTIES; 127.0.0.1 unless set, never the public one). Payara deploys an
# EAR's web modules to the same virtual server, so both listeners reach both modules: the authentication module of
# each web module (mm7gw.payara.GatewayAuthModule) answers 404 on the other side's listener before it looks at any
# credentials, told by the system properties mm7.admin.http-port and mm7.admin.https-port which ports are the
# admin side's. The plain one is on only where plain HTTP is allowed (plain_http).
admin_listeners() {
    local address listeners net=configs.config.server-config.network-config
    address=$(setting mm7.admin.bind-address 127.0.0.1)
    listeners=$(asadmin list-http-listeners)
    if ! grep -qw "^mm7-admin-http" <<<"$listeners"; then
        asadmin create-http-listener --listeneraddress "$address" --listenerport "$CONSOLE_HTTP_PORT" \
            --defaultvs server --securityenabled=false --enabled=false mm7-admin-http >/dev/null
    fi
    if ! grep -qw "^mm7-admin-https" <<<"$listeners"; then
        asadmin create-http-listener --listeneraddress "$address" --listenerport "$CONSOLE_HTTPS_PORT" \
            --defaultvs server --securityenabled=true mm7-admin-https >/dev/null
    fi
    # a kept domain gets this start's address and ports
    asadmin set "$net.network-listeners.network-listener.mm7-admin-http.address=$address" \
        "$net.network-listeners.network-listener.mm7-admin-http.port=$CONSOLE_HTTP_PORT" \
        "$net.network-listeners.network-listener.mm7-admin-https.address=$address" \
        "$net.network-listeners.network-listener.mm7-admin-https.port=$CONSOLE_HTTPS_PORT" >/dev/null
}

# Plain HTTP on or off: the plain listeners of the MM7 endpoint (HTTP_PORT) and of the admin side
# (CONSOLE_HTTP_PORT). start switches them on only where MM7_PROPERTIES has mm7.http.plain-allowed=true; on a running
# domain "payara.sh plain-http true|false" does it at once (TransportSecurityIT shows the HTTPS-only default with it).
plain_http() {
    local l listener=configs.config.server-config.network-config.network-listeners.network-listener
    for l in http-listener-1 mm7-admin-http; do
        asadmin set "$listener.$l.enabled=$1" >/dev/null
    done
}

# The HTTP listeners' limits against slow and abusive clients, with the values and property names of WildFly's
# gateway.cli (README "Configuration"), as far as Grizzly has them: the hard cap on a declared request body (413),
# the time a kept-alive connection may wait for its next request, the read timeout of the request body. Grizzly
# has no deadline for a request head and no connection limit: guard() adds them on the HTTPS listeners.
limits() {
    local net=configs.config.server-config.network-config l
    for l in http-listener-1 http-listener-2 mm7-admin-http mm7-admin-https; do
        asadmin set "$net.protocols.protocol.$l.http.max-post-size-bytes=$(setting mm7.http.max-post-size 67108864)" \
            "$net.protocols.protocol.$l.http.timeout-seconds=$(( $(setting mm7.http.no-request-timeout 60000) / 1000 ))" \
            >/dev/null
        # no Server and X-Powered-By headers naming Payara's version
        asadmin set "$net.protocols.protocol.$l.http.server-header=false" "$net.protocols.protocol.$l.http.xpowered-by=false" \
            >/dev/null
    done
    asadmin set "$net.transports.transport.tcp.read-timeout-millis=$(setting mm7.http.read-timeout 30000)" >/dev/null
}

# The HTTPS listener's key pair and, for VASPs that log in with a client certificate, the certificates it trusts
# (WildFly: tls.cli). Which VASP a certificate is, is registered per VASP through the admin API. Payara accepts only
# the store type JKS (or NSS) here; the JDK's JKS key store also reads PKCS12 files (keystore.type.compat).
tls() {
    local protocols=configs.config.server-config.network-config.protocols.protocol p
    local ssl=$protocols.http-listener-2.ssl
    if [ -n "${TLS_KEY_STORE:-}${TLS_TRUST_STORE:-}" ]; then
        secret_alias mm7-tls-store-password "${TLS_STORE_PASSWORD:?}"
    fi
    if [ -n "${TLS_KEY_STORE:-}" ]; then
        # the same key pair on the admin side's HTTPS listener (no client certificates there)
        for p in http-listener-2 mm7-admin-https; do
            asadmin set "$protocols.$p.ssl.key-store=$TLS_KEY_STORE" "$protocols.$p.ssl.key-store-type=JKS" \
                "$protocols.$p.ssl.key-store-password=$(alias_ref mm7-tls-store-password)" \
                "$protocols.$p.ssl.cert-nickname=${TLS_KEY_ALIAS:-mm7-gateway}" >/dev/null
        done
    fi
    if [ -n "${TLS_TRUST_STORE:-}" ]; then
        # asked for in the handshake (no renegotiation later: TLS 1.3 has none)
        asadmin set "$ssl.trust-store=$TLS_TRUST_STORE" "$ssl.trust-store-type=JKS" \
            "$ssl.trust-store-password=$(alias_ref mm7-tls-store-password)" "$ssl.client-auth=want" \
            "$ssl.renegotiate-on-client-auth-want=false" >/dev/null
    fi
    # (a running listener keeps its key pair and client-auth setting until it is started again: start restarts the
    # domain when the listeners' configuration changed)
}

# Grizzly, Payara's HTTP server, has no deadline for a request head and no connection limit (README "Payara
# Server"). ListenerGuard and RequestHeadFinder of mm7-payara-realm (in the domain's lib/) add both in front of the
# HTTPS listeners' HTTP protocol as Grizzly port unification: a protocol <listener>-guard whose port-unification
# filter is ListenerGuard (counts the listener's connections, closes those over mm7.http.max-connections [1000] at
# once and those whose first request head is not complete within mm7.http.request-parse-timeout [10000 ms]) and whose
# one protocol finder hands a connection on to the listener's own HTTP protocol once the head is complete. Not on the
# plain listeners: behind port unification Payara switches HTTP/2 off, and with HTTP/2 off Payara breaks a plain
# request asking for an h2c upgrade, which the JDK's HTTP client sends by default (Metro's WSDL GET answered 500,
# read as an upgraded stream); plain HTTP is the loopback opt-in. The settings are read when the listener starts.
guard() {
    local l protocols
    protocols=$(asadmin list-protocols)
    for l in http-listener-2 mm7-admin-https; do
        if ! grep -qw "^$l-guard" <<<"$protocols"; then
            asadmin create-protocol --securityenabled=false "$l-guard" >/dev/null
            asadmin create-protocol-finder --protocol "$l-guard" --targetprotocol "$l" \
                --classname mm7gw.payara.RequestHeadFinder request-head >/dev/null
            asadmin set "configs.config.server-config.network-config.protocols.protocol.$l-guard.port-unification.classname=mm7gw.payara.ListenerGuard" >/dev/null
        fi
        asadmin set "configs.config.server-config.network-config.network-listeners.network-listener.$l.protocol=$l-guard" >/dev/null
    done
}

# what a change of needs a start of the domain to take effect: the listeners and the guard's settings
listener_config() {
    sed -n -e '/<network-config>/,/<\/network-config>/p' -e '/<system-property name="mm7\.http\./p' \
        "$DOMAIN_DIR/config/domain.xml" | md5sum
}

wait_port() {
    local port=$1 seconds=$2
    for _ in $(seq "$seconds"); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 1
    done
    echo "nothing listens on 127.0.0.1:$port after $seconds s" >&2
    return 1
}

start_broker() {
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null; then
        echo "artemis: starting on 127.0.0.1:$BROKER_PORT"
        JAVA_ARGS="-Xms64m -Xmx512m -XX:+UseG1GC -Dmm7.broker.port=$BROKER_PORT -Dlog4j2.disableJmx=true \
--add-opens java.base/jdk.internal.misc=ALL-UNNAMED" nohup "$BROKER_DIR/bin/artemis" run \
            >> "$BROKER_DIR/log/console.log" 2>&1 &
        echo $! > "$BROKER_DIR/broker.pid"
        wait_port "$BROKER_PORT" 180
    fi
}

resume() {
    start_broker
    local_asadmin start-domain --timeout 600 "$DOMAIN"
}

start() {
    : "${RAR:?}" "${EAR:?}"
    refuse_published_passwords
    # a start that fails half-way leaves nothing running
    trap 'echo "payara.sh start failed: stopping what it started" >&2; stop' ERR
    start_broker
    # A gateway an earlier start deployed does not load when the domain starts: this start deploys its own EAR. Else
    # the earlier build ran against the database while asadmin reconfigured the domain, and the deployment below
    # undeployed it while it was still loading (SEVERE entries in server.log). resume loads it as deployed.
    sed -i -e '/<application-ref [^>]*ref="mm7-gateway"/{s# enabled="[a-z]*"##;s#<application-ref #<application-ref enabled="false" #}' \
        "$DOMAIN_DIR/config/domain.xml"
    local_asadmin start-domain --timeout 600 "$DOMAIN"
    admin_password_current
    local listeners_before
    listeners_before=$(listener_config)
    # the gateway's own settings (system properties)
    # persistence.xml's settings read system properties; Payara has no "${name:default}" form, so every one
    # of them gets its default here unless MM7_PROPERTIES sets it
    local settings="${MM7_PROPERTIES:-}" props=""
    CONSOLE_HTTP_PORT=$(setting mm7.admin.http-port "$CONSOLE_HTTP_PORT")
    CONSOLE_HTTPS_PORT=$(setting mm7.admin.https-port "$CONSOLE_HTTPS_PORT")
    for d in mm7.jpa.shared-cache-mode=DISABLE_SELECTIVE mm7.admin.http-port=$CONSOLE_HTTP_PORT \
            mm7.admin.https-port=$CONSOLE_HTTPS_PORT; do
        case " $settings" in *" ${d%%=*}="*) ;; *) settings="$settings $d" ;; esac
    done
    # the gateway's secrets among them go into password aliases (domain.xml holds ${ALIAS=...}), and so do those given
    # in payara.sh's environment instead (MM7_ADMIN_INITIAL_PASSWORD, MM7_RELAY_SECRET_KEY,
    # MM7_RELAY_CLIENT_KEYSTORE_PASSWORD: off MM7_PROPERTIES and every command line, as on WildFly)
    SECRET_ALIASES=$(asadmin list-password-aliases | grep -v '^Command \|^Nothing to list' || true)
    local secret env name value
    for secret in MM7_ADMIN_INITIAL_PASSWORD:mm7.admin.initial-password MM7_RELAY_SECRET_KEY:mm7.relay.secret-key \
            MM7_RELAY_CLIENT_KEYSTORE_PASSWORD:mm7.relay.client-keystore-password; do
        env=${secret%%:*} name=${secret#*:}
        if [ -n "${!env:-}" ]; then
            settings="$settings $name=${!env}"
        fi
    done
    for p in $settings; do
        name=${p%%=*} value=${p#*=}
        case "$name" in
            mm7.admin.initial-password | mm7.relay.secret-key | mm7.relay.client-keystore-password)
                secret_alias "${name//./-}" "$value"
                value=$(alias_ref "${name//./-}") ;;
        esac
        props="$props${props:+:}$name=$(esc "$value")"
    done
    if [ -n "$props" ]; then
        asadmin create-system-properties --target server "$props"
    fi
    # passwords never cross plain HTTP: the plain listener (HTTP_PORT) is off and only HTTPS (HTTPS_PORT) answers,
    # unless MM7_PROPERTIES opts in with mm7.http.plain-allowed=true (test servers and demos on loopback)
    local plain=false
    case " $settings " in *" mm7.http.plain-allowed=true "*) plain=true ;; esac
    admin_listeners
    plain_http "$plain"
    # a SOAP fault (a refused request) is an answer, not a server error: Payara's OpenTracing filter for JAX-WS
    # logs every one as SEVERE with the fault object's name (and nothing else), so its logger is off
    asadmin set-log-levels fish.payara.opentracing.jaxws.JaxwsContainerRequestTracingFilter=OFF >/dev/null
    # after a crash, the transactions the broker holds prepared are completed from the domain's transaction log
    # when it starts again (server-config has this off by default; read at the next start)
    asadmin set configs.config.server-config.transaction-service.automatic-recovery=true >/dev/null
    limits
    tls
    guard
    # A listener behind port unification that is reconfigured while the domain runs comes back without the web
    # container's applications (404 for everything) until the domain starts again: when this start changed the
    # listeners (a new domain, other ports, key store or settings), the domain is started once more here, before the
    # gateway is deployed.
    if [ "$(listener_config)" != "$listeners_before" ]; then
        echo "payara: the listeners changed; starting the domain again"
        # a gateway an earlier start deployed (disabled above) goes first: Payara fails to stop a domain holding a
        # disabled application it never loaded (NullPointerException "Error during disabling"), and the deployment
        # below is then refused ("Application name mm7-gateway is already in use")
        asadmin undeploy mm7-gateway >/dev/null 2>&1 || true
        local_asadmin stop-domain "$DOMAIN"
        local_asadmin start-domain --timeout 600 "$DOMAIN"
    fi
    database_pool
    # the broker password as a password alias (domain.xml: ${ALIAS=mm7-broker-password})
    secret_alias mm7-broker-password "$BROKER_PASSWORD"
    # the broker (before the adapter is deployed, which reads this configuration when it starts)
    if ! asadmin list-resource-adapter-configs | grep -q '^mm7-artemis-rar'; then
        asadmin create-resource-adapter-config --property "ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory:ConnectionParameters=$(esc "host=127.0.0.1;port=$BROKER_PORT"):UserName=$(esc "$BROKER_USER"):Password=$(esc "$(alias_ref mm7-broker-password)")" mm7-artemis-rar
    fi
    # (a domain configured before the aliases had the password itself there)
    if ! grep -q 'name="Password" value="${ALIAS=mm7-broker-password}"' \
            <(sed -n '/<resource-adapter-config [^>]*resource-adapter-name="mm7-artemis-rar"/,/<\/resource-adapter-config>/p' "$DOMAIN_DIR/config/domain.xml"); then
        asadmin set "resources.resource-adapter-config.mm7-artemis-rar.property.Password=$(alias_ref mm7-broker-password)" >/dev/null
    fi
    # deployed once; again when it is another build than the one deployed (a domain configured by an earlier release
    # gets the adapter of this one: since SignOnConnectionFactory the pool's UserName and Password are properties of
    # its connection factory), while the gateway is not loaded (see above)
    local rar_stamp="$DOMAIN_DIR/config/mm7-artemis-rar.sha256" rar_sum
    rar_sum=$(sha256sum < "$RAR")
    if ! asadmin list-applications | grep -q '^mm7-artemis-rar '; then
        asadmin deploy --name mm7-artemis-rar "$RAR"
    elif [ "$(cat "$rar_stamp" 2>/dev/null)" != "$rar_sum" ]; then
        asadmin deploy --force=true --name mm7-artemis-rar "$RAR"
    fi
    echo "$rar_sum" > "$rar_stamp"
    asadmin multimode --file "$here/resources.asadmin" || true
    # the broker account the JMS connection pool connects with
    asadmin set "resources.connector-connection-pool.mm7-jms-pool.property.UserName=$BROKER_USER" \
        "resources.connector-connection-pool.mm7-jms-pool.property.Password=$(alias_ref mm7-broker-password)"
    asadmin deploy --force=true --name mm7-gateway "$EAR"
    if asadmin show-component-status mm7-gateway | grep -q 'disabled'; then
        asadmin enable mm7-gateway
    fi
}

# The gateway's database, the JDBC pool mm7-pool (a non-XA pool: Payara commits it last in a transaction with the XA
# JMS resource), on DB_URL with DB_USER and the password alias mm7-db-password (domain.xml:
# ${ALIAS=mm7-db-password}). A kept domain gets DB_URL's database at every start, PostgreSQL or H2 (the pool's data
# source class with it; a test may have left the pool on another database). Connections are validated by auto-commit
# when taken from the pool, which costs no round trip on PostgreSQL (pgjdbc keeps the flag and sends nothing for it
# outside a transaction) and fails on a connection pgjdbc closed at an error, e.g. after the server ended its backend
# (57P01); fail-all-connections then closes every connection of the pool, so a database restart costs the one use
# that finds it. A validation method that sends a statement (table, custom-validation) would cost a round trip per
# checkout.
database_pool() {
    secret_alias mm7-db-password "$DB_PASSWORD"
    if ! asadmin list-jdbc-connection-pools | grep -q '^mm7-pool'; then
        asadmin create-jdbc-connection-pool --datasourceclassname "$DB_DATA_SOURCE" \
            --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 30 --isconnectvalidatereq true \
            --validationmethod auto-commit --failconnection true \
            --property "URL=$(esc "$DB_URL"):user=$(esc "$DB_USER"):password=$(esc "$(alias_ref mm7-db-password)")" mm7-pool
    fi
    asadmin set "resources.jdbc-connection-pool.mm7-pool.datasource-classname=$DB_DATA_SOURCE" \
        "resources.jdbc-connection-pool.mm7-pool.property.URL=$DB_URL" \
        "resources.jdbc-connection-pool.mm7-pool.property.user=$DB_USER" \
        "resources.jdbc-connection-pool.mm7-pool.property.password=$(alias_ref mm7-db-password)" >/dev/null
    # PostgreSQL: every statement planned for its values and the tables' size at that moment, never from a generic
    # plan cached for the connection (as datasource-postgresql.cli does for WildFly); H2's data source has no such
    # property (an empty value removes the one a PostgreSQL pool had)
    local options="" current
    case "$DB_URL" in jdbc:postgresql:*) options="-c plan_cache_mode=force_custom_plan" ;; esac
    current=$(asadmin get "resources.jdbc-connection-pool.mm7-pool.property.options" 2>/dev/null || true)
    if [ -n "$options" ] || [[ "$current" == *"property.options="* ]]; then
        asadmin set "resources.jdbc-connection-pool.mm7-pool.property.options=$options" >/dev/null
    fi
}

# The running domain's gateway moved to DB_URL's database (PostgreSQL or H2) without a restart of the domain: the
# gateway is disabled, the pool pointed at the database, the gateway enabled again, which migrates that database
# as it loads (mm7.schema.clean of the domain's settings applies). H2DatabaseIT moves the test domain to H2 and back.
database() {
    refuse_published_passwords
    SECRET_ALIASES=$(asadmin list-password-aliases | grep -v '^Command \|^Nothing to list' || true)
    local deployed=false
    if asadmin list-applications | grep -q '^mm7-gateway '; then
        deployed=true
        asadmin disable mm7-gateway >/dev/null
    fi
    database_pool
    if $deployed; then
        asadmin enable mm7-gateway >/dev/null
    fi
}

stop() {
    local_asadmin stop-domain "$DOMAIN" || true
    if [ -f "$BROKER_DIR/broker.pid" ]; then
        "$BROKER_DIR/bin/artemis" stop >/dev/null 2>&1 || true
        local pid; pid=$(cat "$BROKER_DIR/broker.pid")
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill "$pid" 2>/dev/null || true
        rm -f "$BROKER_DIR/broker.pid"
    fi
}

run() {
    local began=$SECONDS log="$DOMAIN_DIR/logs/server.log"
    provision
    # every run starts from empty demo data: the broker's journal goes here, the database schema is emptied by
    # mm7.schema.clean in MM7_PROPERTIES
    rm -rf "$BROKER_DIR/data"
    # and the embedded H2 database goes as a whole (WildFly's run: its data directory)
    if [ "$DB_URL" = "$H2_URL" ]; then
        rm -rf "${DOMAIN_DIR:?}/mm7-h2"
    fi
    start
    trap - ERR
    follow=""
    # Ctrl-C (or TERM) stops the domain and the broker; the console may be gone by then, so the stop writes to a
    # file. The gateway is undeployed first: the next run deploys this build's EAR on a domain that starts empty.
    trap 'exec >>"$DOMAIN_DIR/logs/run-stop.log" 2>&1; kill "$follow" 2>/dev/null; asadmin undeploy mm7-gateway || true; stop; exit 0' INT TERM
    # the banner the gateway logged at deployment (mm7.demo), as WildFly's run command shows it on its console
    grep -B1 -A6 ' MM7 gateway is up' "$log" | tail -n 8 | sed 's/\]\]$//' || echo "(no banner in $log)"
    # the administrator's password on this console only: the gateway never writes it to the log
    echo "   Admin password:        $(setting mm7.admin.initial-password '(not set)') (console only, not in the log)"
    echo "   HTTPS:                 https://127.0.0.1:$HTTPS_PORT/mm7/vasp (Payara's self-signed certificate)"
    echo "   Payara's own admin:    http://127.0.0.1:$ADMIN_PORT (127.0.0.1 only), user admin, password in $PASSWORD_FILE"
    echo "Payara and the broker started and the gateway deployed in $((SECONDS - began)) s; Ctrl-C stops them."
    tail -n 0 -F "$log" &
    follow=$!
    wait "$follow"
}

case "${1:-}" in
    provision) provision ;;
    check-secrets) refuse_published_passwords ;;
    start) start ;;
    resume) resume ;;
    database) database ;;
    stop) stop ;;
    run) run ;;
    plain-http)
        case "${2:-}" in
            true|false) plain_http "$2" ;;
            *) echo "usage: $0 plain-http true|false" >&2; exit 2 ;;
        esac ;;
    *) echo "usage: $0 provision|start|resume|database|stop|run|check-secrets|plain-http true|false|ports" >&2; exit 2 ;;
esac
