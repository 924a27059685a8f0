# Cleans up after a JVM whose embedded OpenWhisk started runtime processes, however that JVM ended. Started by
# ProcessContainerFactory in a session of its own, it blocks on its stdin, whose other end only that JVM holds. A JVM
# that cleaned up itself writes "stopped"; end of file without it means the JVM died. The reaper then kills the
# processes marked with the run's id and those left in the run's cgroups (double-forked ones included), removes the
# cgroups and deletes the work directory.
# Usage: sh runtime-reaper.sh <run id> <work directory> [<cgroup run directory>...]
run=$1
work=$2
shift 2
if read -r word && [ "$word" = stopped ]; then
    exit 0
fi

marked() {
    grep -lsz "^OPENWHISK_EMBEDDED_PROCESS=$run/" /proc/[0-9]*/environ | cut -d/ -f3
}

in_cgroups() {
    for cgroup in "$@"; do
        for procs in "$cgroup"/*/cgroup.procs; do
            [ -f "$procs" ] && cat "$procs"
        done
    done
}

thaw() {
    for cgroup in "$@"; do
        for state in "$cgroup"/*/freezer.state; do
            [ -f "$state" ] && echo THAWED > "$state"
        done
    done
}

round=0
while [ "$round" -lt 100 ]; do
    pids=$( (marked; in_cgroups "$@") | sort -u)
    [ -z "$pids" ] && break
    kill -9 $pids 2> /dev/null
    thaw "$@" 2> /dev/null
    sleep 0.02
    round=$((round + 1))
done

round=0
while [ "$round" -lt 100 ]; do
    left=0
    for cgroup in "$@"; do
        for container in "$cgroup"/*/; do
            [ -d "$container" ] && { rmdir "$container" 2> /dev/null || left=1; }
        done
        [ -d "$cgroup" ] && { rmdir "$cgroup" 2> /dev/null || left=1; }
    done
    [ "$left" -eq 0 ] && break
    sleep 0.02
    round=$((round + 1))
done

rm -rf "$work"
