#!/usr/bin/env bash
# One database and one login per service. Used by ./platform (local PostgreSQL cluster) and by
# docker-compose (mounted into /docker-entrypoint-initdb.d). Idempotent. Connects as the postgres
# superuser over the local socket.
# LOCAL DEVELOPMENT ONLY defaults: each password equals its login unless <LOGIN>_DB_PASSWORD is set
# (e.g. CONSENT_DB_PASSWORD); production creates its databases and secrets its own way.
# With --with-test-databases it also creates <db>_test for every service and commons_test, owned by the
# same logins, which the test suites migrate and wipe.
# The audit database is owned by audit_owner, which runs the migrations; the service's own login, audit,
# may only read and insert into the log (its migration grants exactly that).
set -euo pipefail

SERVICES="consent rights_request retention audit"

if [ -n "${POSTGRES_USER:-}" ]; then
  psql_admin() { psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname postgres "$@"; }
elif [ "$(id -u)" = 0 ]; then
  psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "${PGPORT:-5432}" --dbname postgres "$@"; }
else
  psql_admin() { sudo -u postgres psql -v ON_ERROR_STOP=1 -q -p "${PGPORT:-5432}" --dbname postgres "$@"; }
fi

ensure_login() {
  local login=$1 var password
  var="$(echo "$login" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!var:-$login}"
  psql_admin <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$login') then
    create role "$login" login password '$password';
  end if;
end \$\$;
SQL
}

ensure_database() {
  local db=$1 owner=$2
  if [ -z "$(psql_admin -tAc "select 1 from pg_database where datname = '$db'")" ]; then
    psql_admin -c "create database \"$db\" owner \"$owner\""
  fi
}

owner_of() { if [ "$1" = audit ]; then echo audit_owner; else echo "$1"; fi; }

ensure_login audit_owner
for service in $SERVICES; do
  ensure_login "$service"
  ensure_database "$service" "$(owner_of "$service")"
done

if [ "${1:-}" = "--with-test-databases" ]; then
  for service in $SERVICES; do
    ensure_database "${service}_test" "$(owner_of "$service")"
  done
  ensure_login commons
  ensure_database commons_test commons
fi
