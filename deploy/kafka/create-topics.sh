#!/bin/sh
# Create every SafetyNet topic with replication factor 3 and min.insync.replicas=2 (idempotent).
# *.internal: the events as stored, for SafetyNet's own consumers only; *.events: their public
# view for the provincial bus (ADR 0020). Grant the bus Read on *.events only, never *.internal.
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
PARTITIONS="${TOPIC_PARTITIONS:-6}"
REPLICATION="${TOPIC_REPLICATION_FACTOR:-3}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
# a super user's client properties where the cluster authenticates (SASL, ADR 0033)
ADMIN="${KAFKA_ADMIN_CONFIG:+--command-config $KAFKA_ADMIN_CONFIG}"
for topic in \
  safetynet.intake.internal safetynet.intake.events safetynet.intake.dlq \
  safetynet.verification.internal safetynet.verification.events safetynet.verification.dlq \
  safetynet.payments.internal safetynet.payments.events safetynet.payments.dlq \
  safetynet.supervision.internal safetynet.supervision.events safetynet.supervision.dlq
do
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" $ADMIN --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION" \
    --config min.insync.replicas=2 --config unclean.leader.election.enable=false
done
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" $ADMIN --describe --topics-with-overrides
