"""Evaluate a statistical backstop for the tone guard (NOT shipped: see the figures it prints).

    python tools/train_tone_model.py                 # 5-fold CV on tests/data/tone_corpus.jsonl
    python tools/train_tone_model.py --eval FILE     # + a fresh jsonl set, model trained on the corpus
    python tools/train_tone_model.py --calm          # + false flags on calm drafts (privacy corpus)
    python tools/train_tone_model.py --output PATH   # write the model trained on the whole corpus

The idea: rules and word lists catch what is explicit; a small logistic model could score the
sentences the rules leave alone and flag those above a high threshold (category from a second,
softmax model; suggestion from tone_targeted.toml). "Full engine" below = okx_helper.tone.scan
(rules + lexicon) plus the model's findings on sentences no rule finding touches, which is
exactly what wiring it into scan() would do.

Features: English lower-cased word unigrams and bigrams, Chinese character bigrams and trigrams,
flags for a second-person target, "?" and "!". Training units are sentences: every sentence of a
calm case is a negative; a one-sentence case needing attention is a positive; in a longer case
only sentences the rules flag are positives (the rest are left out: which one carries the tone is
unknown). Shouting/punctuation-only cases are left out (folded text has no capitals; the rules own
them). Features seen fewer than MIN_COUNT times are dropped; SGD for EPOCHS epochs; sums use
math.fsum, so scores do not depend on hash seeds (deterministic).

Cross-validation is at case level (train on four folds, full engine on the fifth). The rules were
tuned on this whole corpus, so their column is optimistic; the model's column is the honest part.
The threshold is the lowest one at which the full engine's CV precision stays >= MIN_CV_PRECISION.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from okx_helper.resources import load_toml  # noqa: E402
from okx_helper.tone import scan  # noqa: E402
from okx_helper.tone.normalise import fold  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "tone_corpus.jsonl"
CALM = ROOT / "tests" / "data" / "privacy_corpus.txt"  # calm support emails carrying personal data
WORD_CATEGORIES = ("insult", "threat", "accusation", "demand", "pestering")
MIN_COUNT = 2
EPOCHS = 12
RATE = 0.2
L2 = 1e-2
FOLDS = 5
SEED = 20240611
MIN_CV_PRECISION = 0.95
PRUNE = 0.02  # smaller weights are not written

# A sentence ends at ! ? ; (either width), 。, a line break, or full stops before a blank or the end.
_END = re.compile(r"[!?。！？；;\n]+|\.+(?=\s|$)")
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|[0-9]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TARGET = re.compile(r"\b(?:you|your|yours|yourself|yourselves|u|ur|okx|support|team)\b|你|您|客服|平台|贵司|okx")
_MAX_SENTENCE = 600


@dataclass(frozen=True)
class Model:
    threshold: float
    bias: float
    weights: dict  # feature -> weight of "needs attention"
    categories: tuple
    category_bias: tuple
    category_weights: dict  # feature -> one weight per category


def features(sentence: str) -> list[str]:
    """The features of a folded sentence, each once, in order of appearance."""
    words = ["0" if token[0].isdigit() else token for token in _EN_TOKEN.findall(sentence)]
    found = words + [first + " " + second for first, second in zip(words, words[1:])]
    for run in _CJK_RUN.findall(sentence):
        found += [run[i:i + 2] for i in range(len(run) - 1)]
        found += [run[i:i + 3] for i in range(len(run) - 2)]
    if _TARGET.search(sentence):
        found.append("#you")
    if "?" in sentence or "？" in sentence:
        found.append("#?")
    if "!" in sentence or "！" in sentence:
        found.append("#!")
    return list(dict.fromkeys(found))


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text` (terminators included, surrounding blanks not)."""
    spans, start = [], 0
    for end in _END.finditer(text):
        spans.append((start, end.end() if end.group()[0] != "\n" else end.start()))
        start = end.end()
    spans.append((start, len(text)))
    trimmed = []
    for low, high in spans:
        while low < high and text[low].isspace():
            low += 1
        while high > low and text[high - 1].isspace():
            high -= 1
        if low < high:
            trimmed.append((low, high))
    return trimmed


def probability(model: Model, feats: list[str]) -> float:
    z = model.bias + math.fsum(model.weights[f] for f in feats if f in model.weights)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def category(model: Model, feats: list[str]) -> str:
    rows = [model.category_weights[f] for f in feats if f in model.category_weights]
    scores = [b + math.fsum(row[j] for row in rows) for j, b in enumerate(model.category_bias)]
    return model.categories[max(range(len(scores)), key=scores.__getitem__)]


def model_findings(model: Model, text: str, taken: list) -> list[tuple[str, int, int, str | None]]:
    """What the model would add to scan(text): sentences no finding in `taken` touches."""
    suggestions = load_toml("tone_targeted.toml")["suggestions"]
    folded, found = fold(text), []
    for start, end in sentences(folded):
        if any(f.start < end and start < f.end for f in taken):
            continue
        feats = features(folded[start:min(end, start + _MAX_SENTENCE)])
        if probability(model, feats) >= model.threshold:
            name = category(model, feats)
            zh = _CJK.search(folded, start, end) is not None
            found.append((name, start, end, suggestions.get(f"{name}_{'zh' if zh else 'en'}")))
    return found


def load_cases(path: Path = CORPUS) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def examples(cases: list[dict], findings: list[list]) -> list[tuple[list[str], int, list[str]]]:
    """(features, needs attention, word categories) per training sentence."""
    out = []
    for case, found in zip(cases, findings):
        folded = fold(case["text"])
        spans = sentences(folded)
        if not case["attention"]:
            out += [(features(folded[a:b]), 0, []) for a, b in spans]
            continue
        words = [c for c in case["categories"] if c in WORD_CATEGORIES]
        if len(spans) == 1:
            if words:
                out.append((features(folded), 1, words))
            continue
        hit = False
        for a, b in spans:
            cats = {f.category for f in found if f.start < b and a < f.end}
            if not cats:
                continue
            hit = True
            if cats & set(WORD_CATEGORIES):
                out.append((features(folded[a:b]), 1, [c for c in WORD_CATEGORIES if c in cats]))
        if not hit and words:  # the rules miss it: the whole case is the example
            out.append((features(folded), 1, words))
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def train(data: list[tuple[list[str], int, list[str]]], threshold: float) -> dict:
    """Both models, as a JSON-ready dict."""
    counts = Counter(f for feats, _, _ in data for f in feats)
    rows = [([f for f in feats if counts[f] >= MIN_COUNT], y, cats) for feats, y, cats in data]
    rng = random.Random(SEED)
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(rows)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + 0.3 * epoch)
        for i in order:
            feats, y, _ = rows[i]
            grad = _sigmoid(bias + math.fsum(weights.get(f, 0.0) for f in feats)) - y
            bias -= rate * grad
            for f in feats:
                old = weights.get(f, 0.0)
                weights[f] = old - rate * (grad + L2 * old)
    k = len(WORD_CATEGORIES)
    labelled = [(feats, WORD_CATEGORIES.index(c)) for feats, y, cats in rows if y for c in cats]
    table: dict[str, list[float]] = {}
    cbias = [0.0] * k
    order = list(range(len(labelled)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + 0.3 * epoch)
        for i in order:
            feats, label = labelled[i]
            vecs = [table.setdefault(f, [0.0] * k) for f in feats]
            scores = [cbias[j] + math.fsum(v[j] for v in vecs) for j in range(k)]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            for j in range(k):
                grad = exps[j] / total - (j == label)
                cbias[j] -= rate * grad
                for v in vecs:
                    v[j] -= rate * (grad + L2 * v[j])
    return {
        "threshold": threshold,
        "bias": round(bias, 4),
        "weights": {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= PRUNE},
        "categories": list(WORD_CATEGORIES),
        "category_bias": [round(b, 3) for b in cbias],
        "category_weights": {
            f: [round(x, 2) for x in v] for f, v in sorted(table.items()) if max(map(abs, v)) >= 5 * PRUNE
        },
    }


def to_model(data: dict) -> Model:
    return Model(data["threshold"], data["bias"], data["weights"], tuple(data["categories"]),
                 tuple(data["category_bias"]), data["category_weights"])


def best_free(model: Model, text: str, found: list) -> float:
    """The highest probability among the sentences no rule finding touches."""
    folded, best = fold(text), 0.0
    for a, b in sentences(folded):
        if not any(f.start < b and a < f.end for f in found):
            best = max(best, probability(model, features(folded[a:b])))
    return best


def best_any(model: Model, text: str) -> float:
    folded = fold(text)
    return max((probability(model, features(folded[a:b])) for a, b in sentences(folded)), default=0.0)


def pr(flags: list[bool], truth: list[bool]) -> tuple[float, float, int, int]:
    tp = sum(f and t for f, t in zip(flags, truth))
    fp = sum(f and not t for f, t in zip(flags, truth))
    fn = sum(t and not f for f, t in zip(flags, truth))
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp


def cross_validate(cases: list[dict], findings: list[list]) -> float:
    """Print CV figures; return the chosen threshold."""
    rng = random.Random(SEED)
    order = list(range(len(cases)))
    rng.shuffle(order)
    fold_of = {index: n % FOLDS for n, index in enumerate(order)}
    free = [0.0] * len(cases)
    every = [0.0] * len(cases)
    models = []
    for k in range(FOLDS):
        train_idx = [i for i in range(len(cases)) if fold_of[i] != k]
        model = to_model(train(examples([cases[i] for i in train_idx], [findings[i] for i in train_idx]), 0.5))
        models.append(model)
        for i in range(len(cases)):
            if fold_of[i] == k:
                free[i] = best_free(model, cases[i]["text"], findings[i])
                every[i] = best_any(model, cases[i]["text"])
    truth = [case["attention"] for case in cases]
    base = [bool(found) for found in findings]
    p, r, tp, fp = pr(base, truth)
    print(f"corpus: {len(cases)} cases, {sum(truth)} needing attention; {FOLDS}-fold CV at case level")
    print(f"rules + lexicon alone:  P {p:.3f} R {r:.3f} (fp {fp})")
    print("threshold | full engine P     R  (fp) | model alone P     R  (fp)")
    chosen = None
    for step in range(50, 100):
        t = step / 100
        fp_, fr, _, ffp = pr([b or s >= t for b, s in zip(base, free)], truth)
        ap, ar, _, afp = pr([s >= t for s in every], truth)
        first = chosen is None and fp_ >= MIN_CV_PRECISION
        if step % 5 == 0 or first:
            print(f"  {t:.2f}    |       {fp_:.3f} {fr:.3f} ({ffp:3d}) |       {ap:.3f} {ar:.3f} ({afp:3d})"
                  + ("   <- chosen" if first else ""))
        if first:
            chosen = t
    return chosen if chosen is not None else 0.99


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, help="a fresh jsonl set to measure with rules alone and the full engine")
    parser.add_argument("--calm", action="store_true", help="count false flags on the privacy corpus (calm drafts)")
    parser.add_argument("--output", type=Path, help="write the model trained on the whole corpus here")
    args = parser.parse_args(argv)
    cases = load_cases()
    findings = [scan(case["text"]) for case in cases]
    threshold = cross_validate(cases, findings)
    model_json = train(examples(cases, findings), threshold)
    model = to_model(model_json)
    if args.eval:
        fresh = load_cases(args.eval)
        truth = [case["attention"] for case in fresh]
        base = [scan(case["text"]) for case in fresh]
        full = [bool(b) or bool(model_findings(model, c["text"], b)) for c, b in zip(fresh, base)]
        for name, flags in (("rules + lexicon", [bool(b) for b in base]), ("full engine", full)):
            p, r, tp, fp = pr(flags, truth)
            print(f"{args.eval.name}: {name:<16} P {p:.3f} R {r:.3f} (tp {tp}, fp {fp})")
    if args.calm:
        marks = re.compile(r"⟦[a-z_]+\|(.*?)⟧", re.DOTALL)
        lines = [ln for ln in CALM.read_text(encoding="utf-8").split("\n") if not ln.startswith("# ")]
        drafts = [marks.sub(r"\1", chunk) for chunk in "\n".join(lines).split("\n----\n")]
        added = [model_findings(model, d, scan(d)) for d in drafts]
        print(f"calm drafts (privacy corpus): {sum(map(bool, added))}/{len(drafts)} get a model finding")
        for draft, extra in list(zip(drafts, added))[:400]:
            for name, a, b, _ in extra[:1]:
                print(f"  {name:<10} {draft[a:b][:70]!r}")
    if args.output:
        args.output.write_text(json.dumps(model_json, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {args.output}: {args.output.stat().st_size // 1024} KB, threshold {threshold:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
