#!/usr/bin/env bash
# Stops what scripts/slurm-up.sh DIR started: slurmd, slurmctld, and munged when slurm-up started it.
set -uo pipefail
dir=${1:?usage: slurm-down.sh DIR}
stop() { # pid file, name
  [ -s "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "slurm-down: $2 ($pid) did not stop; killing it" >&2
  kill -9 "$pid" 2>/dev/null
}
stop "$dir/slurmd.pid" slurmd
stop "$dir/slurmctld.pid" slurmctld
if [ -e "$dir/munged.started" ]; then
  stop /run/munge/munged.pid munged
  rm -f "$dir/munged.started"
fi
exit 0
