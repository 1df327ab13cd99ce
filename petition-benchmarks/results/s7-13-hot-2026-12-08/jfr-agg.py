import json,sys,collections
data=json.load(open(sys.argv[1]))
must=sys.argv[2]
evs=data["recording"]["events"]
incl=collections.Counter(); top=collections.Counter(); n=0; tot=0
for e in evs:
    v=e["values"]; st=v.get("stackTrace")
    if not st: continue
    th=v.get("sampledThread") or v.get("eventThread") or {}
    if "jmh-worker" not in (th.get("javaName") or ""): continue
    frames=[f["method"]["type"]["name"].replace("/",".")+"."+f["method"]["name"] for f in st["frames"]]
    if not any(must in f for f in frames): continue
    w=v.get("weight",1) if "weight" in v else 1
    n+=1; tot+=w
    top[frames[0]]+=w
    seen=set()
    for f in frames:
        if f in seen: continue
        seen.add(f); incl[f]+=w
    if "objectClass" in v: top["CLASS "+v["objectClass"]["name"]+" @ "+next((f for f in frames if f.startswith("org.petition") and "benchmarks" not in f),"?")]+=w
print("samples",n,"total",tot)
print("--- inclusive (org.petition)")
for f,c in incl.most_common(200):
    if f.startswith("org.petition") and "benchmarks" not in f: print(f"{100*c/tot:6.1f}% {f}")
print("--- top frames")
for f,c in top.most_common(40): print(f"{100*c/tot:6.1f}% {f}")
