import os, sys, re
exec(open(os.path.join(os.path.dirname(__file__), 'patterns.py')).read().split("out = []")[0])
p=os.path.join(os.path.dirname(__file__), '..', '..', 'packs', 'default', 'operational.yaml')
s=open(p).read()
lines=s.split('\n')
def patch(rule, newpats):
    global lines
    start=[i for i,l in enumerate(lines) if l.strip()=='- id: operational.'+rule][0]
    end=start+1
    while end<len(lines) and not lines[end].startswith('  - id:'): end+=1
    block=lines[start:end]
    # find patterns: list
    pi=[i for i,l in enumerate(block) if l.strip()=='patterns:'][0]
    j=pi+1
    while j<len(block) and (block[j].startswith("      - '") or block[j].startswith('      #')): j+=1
    newblock=block[:pi+1]+["      - '"+x.replace("'","''")+"'" for x in newpats]+block[j:]
    if not any(l.strip().startswith('group:') for l in newblock):
        newblock.insert(pi, '    group: 1')
    lines=lines[:start]+newblock+lines[end:]
for r in sys.argv[1:]:
    patch(r, pats[r])
open(p,'w').write('\n'.join(lines))
