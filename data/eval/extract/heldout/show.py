import json, sys
for d in sys.argv[1:]:
    m = json.load(open(d + '.mentions.json'))
    print('=====', d)
    print('PLACES:', '; '.join(f"{p['text']}->{p.get('name')}({p.get('kind')},{p.get('match')})" for p in m['places']))
    # A joint actor ("Russian and Turkish military": category "several") names each party in `ids`.
    print('ACTORS:', '; '.join(f"{a['text']}->{a.get('id')}" + (f"[several: {'+'.join(a['ids'])}]" if a.get('ids') else '')
                               for a in m['actors']))
    print('DATES :', '; '.join(f"{x['text']}->{x.get('resolved')}[{x.get('rule')}]" for x in m['dates']))
    print('NUMS  :', '; '.join(f"{x['text']}={x.get('value')} {x.get('counts')} by {x.get('claimed_by')}" for x in m['numbers']))
    for line in open(d + '.cand.jsonl'):
        c = json.loads(line)
        ev = c.get('evidence', {})
        act = (ev.get('actor') or {}); tgt = (ev.get('target') or {})
        print(f"  CAND {c['kind']} @ {c.get('place')} ({c.get('lon')},{c.get('lat')}) {c.get('observed_at')} actor={act.get('id')}/{act.get('text')} target={tgt.get('id')}/{tgt.get('text')} fat={c.get('fatalities')} inj={c.get('injured')} by={c.get('claimed_by')}")
        for u in c.get('uncertain', []): print('      ?', u)
