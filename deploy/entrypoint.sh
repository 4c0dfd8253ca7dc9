#!/bin/sh
# Container entry point: a service name migrates (idempotent) then serves; anything else is a command.
set -eu
case "${1:-}" in
  intake|verification|payments|supervision)
    service="$1"
    python -m services migrate "$service"
    exec python -m services serve "$service"
    ;;
  simulators)
    exec python -m services simulators
    ;;
  *)
    exec python -m services "$@"
    ;;
esac
