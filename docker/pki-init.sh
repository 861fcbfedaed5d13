#!/bin/sh
# The one-shot `pki-init` of docker-compose.yml: writes, once, what the platform's containers share through named
# volumes, and keeps it on later runs (a second `docker compose up` must not replace the CI every service trusts).
#
#   /pki                              `rsp pki init`: ci.crt, trust-bundle.pem, <name>.crt/.key for every service and
#                                     client (DESIGN.md section 2), and master.key (32 random bytes, base64), the key
#                                     the services seal their secrets at rest with (DESIGN.md section 5)
#   /run/openrsp-secrets/db           spring.datasource.password: PostgreSQL's password for the role openrsp; the
#                                     services import this directory as a Spring config tree, so the file name is
#                                     the property name
#   /run/openrsp-secrets/grafana      admin-password: Grafana's admin password
#
# Runs as openrsp (uid/gid 10001, see docker/Dockerfile); every file belongs to it. Files are 0600, except the few
# other images read as members of group 10001 (their `group_add` in docker-compose.yml), which are 0640:
# admin.key (Prometheus scrapes /actuator/prometheus as ADMIN; k6 creates cards as ADMIN), operator-1.key (k6
# orders profiles as OPERATOR) and Grafana's admin password. PostgreSQL reads its password file as root.
set -eu
umask 077

# The container's paths (docker-compose.yml mounts the volumes there); overridable to run the script elsewhere.
PKI=${PKI_DIR:-/pki}
DB_SECRETS=${DB_SECRETS_DIR:-/run/openrsp-secrets/db}
GRAFANA_SECRETS=${GRAFANA_SECRETS_DIR:-/run/openrsp-secrets/grafana}
RSP_JAR=${RSP_JAR:-/app/rsp.jar}

# A random secret, base64 of 32 bytes from the kernel's CSPRNG, written atomically and only when absent.
write_secret_once() {
  file=$1
  if [ -s "$file" ]; then
    echo "pki-init: keeping $file"
    return 0
  fi
  head -c 32 /dev/urandom | base64 | tr -d '\n' > "$file.tmp"
  mv "$file.tmp" "$file"
  echo "pki-init: wrote $file"
}

if [ -e "$PKI/ci.crt" ]; then
  echo "pki-init: keeping the PKI in $PKI"
else
  java -jar "$RSP_JAR" pki init "$PKI"
fi
write_secret_once "$PKI/master.key"
write_secret_once "$DB_SECRETS/spring.datasource.password"
write_secret_once "$GRAFANA_SECRETS/admin-password"

for file in "$PKI/master.key" "$DB_SECRETS/spring.datasource.password"; do
  chmod 0600 "$file"
done
for file in "$PKI/admin.key" "$PKI/operator-1.key" "$GRAFANA_SECRETS/admin-password"; do
  if [ ! -f "$file" ]; then
    echo "pki-init: $file is missing: the PKI in $PKI is incomplete; remove the volume to start afresh" >&2
    exit 1
  fi
  chmod 0640 "$file"
done
echo "pki-init: done"
