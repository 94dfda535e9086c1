#!/usr/bin/env bash
# A one-node Slurm on this machine for the Slurm sweep test (and for trying the executor by hand):
#   scripts/slurm-up.sh DIR     writes DIR/slurm.conf, starts munged (if none runs), slurmctld and slurmd,
#                               waits until the node is idle, and prints `export SLURM_CONF=DIR/slurm.conf`
#   scripts/slurm-down.sh DIR   stops what slurm-up started
# Needs root and Debian's slurm-wlm + munge (`apt-get install -y slurm-wlm munge`). Nothing here uses systemd
# or cgroups (containers have neither): linuxproc process tracking, no task plugin, no accounting.
# Exits 3 with the reason on stderr when Slurm cannot start here, so a test can skip saying why.
set -euo pipefail

dir=${1:?usage: slurm-up.sh DIR}
cant() {
  echo "slurm-up: $*" >&2
  exit 3
}
[ "$(id -u)" = 0 ] || cant "needs root (munged runs as the munge user, slurmd as root)"
for b in munged slurmctld slurmd scontrol sinfo; do
  command -v "$b" >/dev/null || cant "$b is not installed (apt-get install -y slurm-wlm munge)"
done
mkdir -p "$dir/state" "$dir/spool"
dir=$(cd "$dir" && pwd)
host=$(hostname -s)
node=$(slurmd -C | head -1) # NodeName=<host> CPUs=… RealMemory=… as slurmd sees this machine
node=${node#NodeName=* }
node=${node%% UpTime=*}

# munge: the key readable by munge only, its run folder owned by it; reuse a munged that already answers.
if ! (munge -n | unmunge) >/dev/null 2>&1; then
  [ -s /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key >/dev/null 2>&1 ||
    cant "no munge key and mungekey could not create one"
  chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge:munge /run/munge /var/log/munge /var/lib/munge
  runuser -u munge -- munged || cant "munged did not start"
  touch "$dir/munged.started"
  for _ in $(seq 50); do (munge -n | unmunge) >/dev/null 2>&1 && break || sleep 0.1; done
fi

cat >"$dir/slurm.conf" <<EOF
ClusterName=somlab
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmctldPort=${SLURM_CTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$dir/slurm.conf

slurmctld -i || cant "slurmctld did not start (see $dir/slurmctld.log)"
for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q UP && break || sleep 0.1; done
scontrol ping 2>/dev/null | grep -q UP || cant "slurmctld does not answer scontrol ping (see $dir/slurmctld.log)"
slurmd || cant "slurmd did not start (see $dir/slurmd.log)"
for _ in $(seq 150); do [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break || sleep 0.1; done
state=$(sinfo -h -o %T 2>/dev/null || true)
[ "$state" = idle ] || cant "node $host is '$state', not idle (see $dir/slurmd.log)"
echo "export SLURM_CONF=$dir/slurm.conf"
