#!/bin/bash
# docker-compose's Kafka, in the apache/kafka image: the same listeners, SASL and authorizer as ./platform's
# broker (start_kafka), configured from the environment.
#   compose.sh broker   writes server.properties, formats the storage once with the SCRAM users, starts the broker
#   compose.sh setup    creates the topics and their .dlq with their retention (TOPIC_RETENTION_MS, DLQ_RETENTION_MS),
#                       and adds the ACLs of deploy/kafka/acls (kafka-acls.sh)
# Passwords come from the environment (ADMIN_PASSWORD, OPERATOR_PASSWORD, CONSENT_SERVICE_PASSWORD, ...);
# keep them to letters, digits, '-' and '_' (they are written into JAAS and --add-scram settings).
set -euo pipefail

# the image's layout and the compose network's names (overridable to try the script outside Docker)
BIN=${KAFKA_BIN:-/opt/kafka/bin}
CONF=${KAFKA_CONF:-/tmp/kafka-config}
DATA=${KAFKA_DATA:-/var/lib/kafka/data}
HOST=${KAFKA_HOST:-kafka}
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
ACLS=${KAFKA_ACLS:-/deploy/kafka/acls}
mkdir -p "$CONF"

client_config() { # bootstrap file
  cat >"$2" <<PROPS
bootstrap.servers=$1
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PASSWORD";
PROPS
}

case "${1:-}" in
  broker)
    cat >"$CONF/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=CLIENT://:$PORT,CONTROLLER://:$CONTROLLER_PORT
advertised.listeners=CLIENT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PASSWORD";
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$ADMIN_PASSWORD" user_admin="$ADMIN_PASSWORD";
sasl.mechanism.controller.protocol=PLAIN
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin
log.dirs=$DATA
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
    client_config "localhost:$PORT" "$CONF/admin.properties"   # for the healthcheck
    if [ ! -f "$DATA/meta.properties" ]; then
      # the SCRAM credentials are written into the cluster's metadata when it is formatted
      "$BIN/kafka-storage.sh" format -t "$("$BIN/kafka-storage.sh" random-uuid)" -c "$CONF/server.properties" \
        --add-scram "SCRAM-SHA-512=[name=admin,password=$ADMIN_PASSWORD]" \
        --add-scram "SCRAM-SHA-512=[name=operator,password=$OPERATOR_PASSWORD]" \
        --add-scram "SCRAM-SHA-512=[name=consent-service,password=$CONSENT_SERVICE_PASSWORD]" \
        --add-scram "SCRAM-SHA-512=[name=rights-request-service,password=$RIGHTS_REQUEST_SERVICE_PASSWORD]" \
        --add-scram "SCRAM-SHA-512=[name=retention-service,password=$RETENTION_SERVICE_PASSWORD]" \
        --add-scram "SCRAM-SHA-512=[name=audit-service,password=$AUDIT_SERVICE_PASSWORD]" \
        --add-scram "SCRAM-SHA-512=[name=lms,password=$LMS_PASSWORD]"
    fi
    exec "$BIN/kafka-server-start.sh" "$CONF/server.properties"
    ;;
  setup)
    client_config "$HOST:$PORT" "$CONF/admin.properties"
    # topics are not an archive: records go after TOPIC_RETENTION_MS (7 days), dead letters after DLQ_RETENTION_MS
    # (14 days); keep both at or below the services' PRIVACY_OUTBOX_PURGE_AFTER (README.md, "What the platform keeps")
    for topic in consent.events rights.events retention.events; do
      for t in "$topic" "$topic.dlq"; do
        ms=${TOPIC_RETENTION_MS:-604800000}; [ "$t" = "$topic.dlq" ] && ms=${DLQ_RETENTION_MS:-1209600000}
        "$BIN/kafka-topics.sh" --bootstrap-server "$HOST:$PORT" --command-config "$CONF/admin.properties" --create \
          --if-not-exists --topic "$t" --partitions 3 --replication-factor 1 --config "retention.ms=$ms"
        # a topic created by an earlier setup gets the retention too
        "$BIN/kafka-configs.sh" --bootstrap-server "$HOST:$PORT" --command-config "$CONF/admin.properties" \
          --entity-type topics --entity-name "$t" --alter --add-config "retention.ms=$ms" >/dev/null
      done
    done
    set -f   # a "*" in the ACL file is Kafka's wildcard, not a file name
    while read -r line; do
      case "$line" in ''|'#'*) continue ;; esac
      # shellcheck disable=SC2086 # one line = the arguments of one call
      "$BIN/kafka-acls.sh" --bootstrap-server "$HOST:$PORT" --command-config "$CONF/admin.properties" --add --force $line >/dev/null
    done <"$ACLS"
    echo "topics and ACLs are in place"
    ;;
  *) echo "usage: compose.sh broker|setup" >&2; exit 2 ;;
esac
