# An independent sketch of the PR Foundation reference Meek rule (9-decimal fixed point), written
# from the rule text to check numbers only. It is not part of Tally, its build or its tests.
#
# It reproduces Droop's published meek-prf reference reports (jklundell/droop,
# test/ref/report/SC-meek-prf-o6-fixed-p9-d9.txt and 42-meek-prf-o6-fixed-p9-d9.txt) to all 9
# decimals, and computed the final-round figures that Tests/FixtureTests/MeekReferenceTests.swift
# expects for these ballots (quota 74.482009505, Carpenter 75.226994328, Vicar 75.026808425,
# Abbot 70.690133247, excess 231.625933470). Ties at a defeat take the first candidate in ballot
# order (a placeholder; none arises here).
#
#   python3 Fixtures/ers97-model/meek_prf_oracle.py Fixtures/ers97-model/ballots.blt
import sys
S = 10**9
def load(path):
    toks = [line for line in open(path).read().split('\n') if not line.startswith('#')]
    n, seats = map(int, toks[0].split())
    ballots = []
    i = 1
    while True:
        parts = toks[i].split(); i += 1
        if parts == ['0']: break
        m = int(parts[0]); prefs = [int(x)-1 for x in parts[1:] if x != '0']
        ballots.append((m, prefs))
    names = [toks[i+k].strip().strip('"') for k in range(n)]
    return n, seats, ballots, names

def ceil_div(a, b): return -((-a)//b)

def count(path, verbose=False):
    n, seats, ballots, names = load(path)
    nb = sum(m for m, _ in ballots)
    kf = [S]*n
    state = ['H']*n
    omega = S // 10**6
    rounds = []
    def distribute():
        v = [0]*n
        for m, prefs in ballots:
            w = S
            for c in prefs:
                if kf[c]:
                    keep = ceil_div(w*kf[c], S)
                    v[c] += keep*m
                    w -= keep
                    if w <= 0: break
        return v
    it_total = 0
    while True:
        hopeful = [c for c in range(n) if state[c]=='H']
        elected = [c for c in range(n) if state[c]=='E']
        left = seats - len(elected)
        if not (len(hopeful) > left > 0): break
        last = nb*S; first=True; status='iterate'; its=0
        while True:
            v = distribute(); its += 1; it_total += 1
            tot = sum(v[c] for c in range(n) if state[c] in 'HE')
            q = tot//(seats+1) + 1
            newly = [c for c in range(n) if state[c]=='H' and v[c] >= q]
            for c in newly: state[c]='E'
            s = max(0, sum(v[c]-q for c in range(n) if state[c]=='E'))
            if newly: status='elected'; break
            if s < omega: status='omega'; break
            if not first and s >= last: status='stable'; break
            last = s; first=False
            for c in range(n):
                if state[c]=='E':
                    kf[c] = ceil_div(ceil_div(kf[c]*q, S)*S, v[c])
        rec = dict(status=status, its=its, q=q, v=v[:], exh=nb*S-tot, state=state[:], kf=kf[:], newly=[names[c] for c in newly])
        if status != 'elected':
            hop = [c for c in range(n) if state[c]=='H']
            low = min(v[c] for c in hop)
            tied = [c for c in hop if v[c] <= low + s]
            loser = tied[0]  # tie-break placeholder: first in ballot order
            state[loser]='D'; kf[loser]=0
            rec['defeated'] = [names[c] for c in tied] if len(tied)>1 else names[loser]
            rec['defeated'] = names[loser]; rec['tied']=[names[c] for c in tied]
        rounds.append(rec)
    elected = [c for c in range(n) if state[c]=='E']
    for c in range(n):
        if state[c]=='H':
            if len(elected) < seats: state[c]='E'; elected.append(c)
            else: state[c]='D'
    return names, rounds, state, it_total

def fmt(x): return '%d.%09d' % divmod(x, S)
if __name__ == '__main__':
    names, rounds, state, it_total = count(sys.argv[1])
    for i, r in enumerate(rounds, 1):
        print('Round %d: %s after %d iterations; quota %s exhausted %s; elected %s; defeated %s' % (
            i, r['status'], r['its'], fmt(r['q']), fmt(r['exh']), r['newly'], r.get('defeated')))
        for c, nm in enumerate(names):
            print('   %-10s %s %s kf=%s' % (nm, r['state'][c], fmt(r['v'][c]) if r['state'][c] in 'HE' or r.get('defeated')==nm else '-', fmt(r['kf'][c])))
    print('Final:', [names[c] for c in range(len(names)) if state[c]=='E'], 'total iterations', it_total)
