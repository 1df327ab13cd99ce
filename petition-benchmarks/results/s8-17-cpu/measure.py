#!/usr/bin/env python3
# Runs one JdbcThroughputBenchmark invocation and measures, over its measured iterations only, the CPU (user and
# kernel) of the forked JMH JVM and of every PostgreSQL process, and the statements and server time from
# pg_stat_statements (reset when the first measured iteration starts). Usage:
#   measure.py JAR PGPORT -- JMH args...
import os, re, subprocess, sys, time
jar, port = sys.argv[1], sys.argv[2]
args = sys.argv[sys.argv.index('--') + 1:]
tick = os.sysconf('SC_CLK_TCK')
psql = ['psql', '-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-d', 'petition', '-qAtX', '-c']

def cpu(pids):
    u = s = 0
    for p in pids:
        try:
            f = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
            u += int(f[11]); s += int(f[12])
        except OSError:
            pass
    return u / tick, s / tick

def threads(pid):
    by = {}
    import glob
    for t in glob.glob(f'/proc/{pid}/task/*'):
        try:
            raw = open(t + '/stat').read()
            name = raw[raw.index('(') + 1:raw.rindex(')')]
            name = re.sub(r'\d+', 'N', name)
            f = raw.rsplit(')', 1)[1].split()
            u, k = by.get(name, (0, 0))
            by[name] = (u + int(f[11]) / tick, k + int(f[12]) / tick)
        except (OSError, ValueError):
            pass
    return by

def switches(pid):
    import glob
    v = nv = 0
    for t in glob.glob(f'/proc/{pid}/task/*/status'):
        try:
            for line in open(t):
                if line.startswith('voluntary_ctxt_switches'):
                    v += int(line.split()[1])
                elif line.startswith('nonvoluntary_ctxt_switches'):
                    nv += int(line.split()[1])
        except OSError:
            pass
    return v, nv

def children(pid):
    out = subprocess.run(['pgrep', '-P', str(pid)], capture_output=True, text=True).stdout.split()
    return [int(x) for x in out]

def postgres_pids():
    out = subprocess.run(['pgrep', '-u', 'postgres', '-f', 'postgres'], capture_output=True, text=True).stdout.split()
    mine = []
    for p in out:
        try:
            cmd = open(f'/proc/{p}/cmdline').read()
            env_port = None
            # every process of this cluster descends from the postmaster started with -p PORT or its data dir
            mine.append(int(p))
        except OSError:
            pass
    return mine

def server_stats():
    r = subprocess.run(psql + ["SELECT sum(calls), round(sum(total_exec_time)::numeric,1), round(sum(total_plan_time)::numeric,1) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'"], capture_output=True, text=True).stdout.strip()
    return r

def sigs():
    return int(subprocess.run(psql + ["SELECT coalesce(sum(n_tup_ins),0) FROM pg_stat_user_tables WHERE relname='signature'"], capture_output=True, text=True).stdout.strip() or 0)

def postmaster_tree():
    # processes of the cluster listening on this port: the postmaster's pid from its data dir is unknown here, so
    # take the postgres process whose children include backends connected to the port
    pm = subprocess.run(['bash', '-c', f"ss -ltnp | grep ':{port} ' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2"], capture_output=True, text=True).stdout.strip()
    pm = int(pm)
    return [pm] + children(pm)

proc = subprocess.Popen(['java', '-Djmh.ignoreLock=true', '-jar', jar, 'JdbcThroughputBenchmark'] + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
buf = ''
a = None
b = None
score1 = None
full = ''
while True:
    ch = proc.stdout.read(1)
    if not ch:
        break
    sys.stdout.write(ch)
    buf += ch
    if ch == '\n':
        buf = ''
    elif a is None and re.match(r'Iteration\s+1: $', buf):
        forks = children(proc.pid)
        pg = postmaster_tree()
        subprocess.run(psql + ["SELECT pg_stat_statements_reset()"], capture_output=True)
        a = (time.time(), cpu(forks), cpu(pg), sigs(), '')
        ta = threads(forks[0]); sa = switches(forks[0])
    elif a is not None and b is None and re.match(r'Iteration\s+2: $', buf):
        b = (time.time(), cpu(forks), cpu(pg), sigs(), server_stats())
        tb = threads(forks[0]); sb = switches(forks[0])
    elif b is not None and score1 is None:
        m = re.search(r'Iteration\s+1: ([\d.,]+) ops/s', full)
        if m:
            score1 = float(m.group(1).replace(',', ''))
    full += ch
proc.wait()
secs = b[0] - a[0]
n = b[3] - a[3]
m = re.search(r'Iteration\s+1: ([\d.,]+) ops/s', full)
if m: n = float(m.group(1).replace(',', '')) * secs
ju, js = b[1][0] - a[1][0], b[1][1] - a[1][1]
pu, ps = b[2][0] - a[2][0], b[2][1] - a[2][1]
calls, exec_ms, plan_ms = b[4].split('|')
print(f'\n# measured window: {secs:.1f} s, {n} signatures ({n/secs:.0f}/s; signature rows counted by the server: {b[3]-a[3]}), load {open("/proc/loadavg").read().split()[0]}')
print(f'# JVM CPU per op: {1e6*(ju+js)/n:.0f} us (user {1e6*ju/n:.0f}, kernel {1e6*js/n:.0f})')
print(f'# PostgreSQL CPU per op: {1e6*(pu+ps)/n:.0f} us (user {1e6*pu/n:.0f}, kernel {1e6*ps/n:.0f}) over {len(pg)} processes')
print(f'# statements per signature: {int(calls)/n:.2f}; server exec ms per signature: {float(exec_ms)/n:.3f}; plan ms: {float(plan_ms)/n:.3f}')
print('# JVM CPU per op by thread (name with digits as N): us user / kernel')
rows = []
for k, (u, s_) in tb.items():
    u0, s0 = ta.get(k, (0, 0))
    rows.append((u - u0 + s_ - s0, k, u - u0, s_ - s0))
for tot, k, u, s_ in sorted(rows, reverse=True)[:12]:
    if tot > 0:
        print(f'#   {k:28s} {1e6*u/n:6.0f} / {1e6*s_/n:6.0f}')
print(f'# JVM context switches per op: voluntary {(sb[0]-sa[0])/n:.1f}, involuntary {(sb[1]-sa[1])/n:.1f}')
