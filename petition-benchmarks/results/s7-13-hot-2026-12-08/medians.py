import sys,re,statistics
t=open(sys.argv[1]).read()
parts=re.split(r'# Benchmark: ', t)[1:]
d={}
for p in parts:
    name=p.split('\n')[0].split('.')[-1]
    its=[float(x) for x in re.findall(r'^Iteration\s+\d+: ([\d.]+) ns/op', p, re.M)]
    d[name]=(statistics.median(its), min(its))
print(sys.argv[1], "load", sys.argv[2], " ".join(f"{n}: median {m:.0f} min {mi:.0f}" for n,(m,mi) in d.items()), "ratio(median) %.2f ratio(min) %.2f" % (d['confirm'][0]/d['confirmFloor'][0], d['confirm'][1]/d['confirmFloor'][1]))
