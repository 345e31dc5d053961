"""What grew between two `dumpheap -stat -live` listings, per page: heap-diff.py N TOP BEFORE AFTER."""
import re,sys
n=int(sys.argv[1])
def load(p):
    d={}
    for line in open(p):
        m=re.match(r'\s*[0-9a-f]{8,}\s+([\d,]+)\s+([\d,]+)\s+(.*)',line)
        if m:
            c=int(m.group(1).replace(',','')); b=int(m.group(2).replace(',','')); t=m.group(3).strip()
            d[t]=(b,c)
    return d
a=load(sys.argv[3]); b=load(sys.argv[4])
diff=sorted(((b[t][0]-a.get(t,(0,0))[0], b[t][1]-a.get(t,(0,0))[1], t) for t in b), reverse=True)
for x in diff[:int(sys.argv[2])]: print(f"{x[0]/n/1024:8.1f} KB {x[1]/n:8.0f}  {x[2][:120]}")
print(f"{sum(x[0] for x in diff)/n/1024:8.1f} KB  live managed objects per page, in all")
rs=[x for x in diff if x[2]=='Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState']
if rs: print(f"{rs[0][1]/n:8.0f}     components per page")
