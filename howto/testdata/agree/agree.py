#!/usr/bin/env python3
"""agree.py TEXTDIR LABELS_A LABELS_B: how far two labellers of the same texts agree,
scored the way `knead import --eval` scores the importer, with A as the labels and B as
what was found: steps aligned one to one (anchors in the same sentence, in order),
area agreement where both name one, warnings by sentence, preparation kinds, mode."""
import sys, os, re, yaml

def sentences(text):
    flat = re.sub(r"\s+", " ", text)
    cuts = [0] + [m.end() for m in re.finditer(r"[.!?](?:[\"')\]]*) (?=\S)|\s*\n\s*\n", text)]
    # work on the flattened text: cut after . ! ? followed by space, and at list markers
    spans, start = [], 0
    for m in re.finditer(r"[.!?][\"')\]”’]* |(?<= )(?=\d{1,2}[.)] )|(?<= )(?=[-•*] )", flat):
        spans.append((start, m.end())); start = m.end()
    spans.append((start, len(flat)))
    return flat, spans

def where(flat, spans, anchor):
    i = flat.lower().find(re.sub(r"\s+", " ", anchor).strip().lower())
    if i < 0: return None
    for k, (a, b) in enumerate(spans):
        if a <= i < b: return k
    return None

def areas(x):
    a = x.get("area")
    if a is None: return set()
    return set(a) if isinstance(a, list) else {a}

def f1(p, r): return 0 if p + r == 0 else 2 * p * r / (p + r)

def main():
    tdir, la, lb = sys.argv[1:4]
    tot = dict(sa=0, sb=0, sr=0, ar=0, aboth=0, wa=0, wb=0, wr=0, pa=0, pr=0, m=0, mr=0)
    for f in sorted(os.listdir(la)):
        if not f.endswith(".labels.yaml"): continue
        stem = f[:-len(".labels.yaml")]
        if not os.path.exists(os.path.join(lb, f)): continue
        tf = [x for x in os.listdir(tdir) if x.startswith(stem + ".") and not x.endswith(".yaml")][0]
        flat, spans = sentences(open(os.path.join(tdir, tf), encoding="utf-8").read())
        A = yaml.safe_load(open(os.path.join(la, f))) or {}
        B = yaml.safe_load(open(os.path.join(lb, f))) or {}
        sa = [(where(flat, spans, str(s["anchor"])), s) for s in A.get("steps") or []]
        sb = [(where(flat, spans, str(s["anchor"])), s) for s in B.get("steps") or []]
        tot["sa"] += len(sa); tot["sb"] += len(sb)
        used, j = set(), 0
        for ka, s in sa:
            for q in range(len(sb)):
                if q in used or sb[q][0] != ka or ka is None: continue
                used.add(q); tot["sr"] += 1
                if areas(s) and areas(sb[q][1]):
                    tot["aboth"] += 1
                    if areas(s) & areas(sb[q][1]): tot["ar"] += 1
                elif not areas(s) and not areas(sb[q][1]):
                    tot["ar"] += 1
                break
        wa = [where(flat, spans, str(w["anchor"])) for w in A.get("warnings") or []]
        wb = [where(flat, spans, str(w["anchor"])) for w in B.get("warnings") or []]
        tot["wa"] += len(wa); tot["wb"] += len(wb)
        left = list(wb)
        for k in wa:
            if k is not None and k in left: left.remove(k); tot["wr"] += 1
        pa = [p["kind"] for p in A.get("prep") or []]
        pb = [p["kind"] for p in B.get("prep") or []]
        tot["pa"] += len(pa)
        for k in pa:
            if k in pb: pb.remove(k); tot["pr"] += 1
        tot["m"] += 1; tot["mr"] += A.get("mode") == B.get("mode")
    P = tot["sr"] / max(tot["sb"], 1); R = tot["sr"] / max(tot["sa"], 1)
    wP = tot["wr"] / max(tot["wb"], 1); wR = tot["wr"] / max(tot["wa"], 1)
    print(f"texts {tot['m']}: steps A {tot['sa']} B {tot['sb']} same {tot['sr']}: P {P:.2f} R {R:.2f} F1 {f1(P,R):.2f}")
    print(f"area recall (A's steps that B has with an area A accepts) {tot['ar']/max(tot['sa'],1):.2f}; on the steps both have {tot['ar']/max(tot['sr'],1):.2f}")
    print(f"warnings A {tot['wa']} B {tot['wb']} same {tot['wr']}: P {wP:.2f} R {wR:.2f} F1 {f1(wP,wR):.2f}")
    print(f"preparation recall {tot['pr']/max(tot['pa'],1):.2f}; mode {tot['mr']}/{tot['m']}")

main()
