"""Throughput and memory benchmark of ``quotes extract`` (``make bench``).

On the PolNeAR texts (../shared/polnear/{train,dev}/text/*.txt relative to
the repository root) it measures, in one run and each in a fresh process,
wall time with the model load included:

- words/s of ``quotes extract DIR... --format jsonl -o /dev/null --jobs 1``;
- words/s of a bare spaCy ``nlp.pipe`` over the same texts with the same
  model and all its default components -- the ceiling extraction is held to;
- their ratio (target >= 0.95), from the fastest of ``--rounds`` runs of
  each, taken in alternation (the machine's speed drifts between minutes);
- the speed-up of ``--jobs 2`` over ``--jobs 1``;
- the rule stage's CPU time as a share of the parse's, both taken batch by
  batch in one process: a figure the machine's drift cannot skew;
- peak memory (max RSS, from the child's rusage) of ``extract --jobs 1`` on
  the corpus and on 4 copies of it -- it should barely grow.

Words are ``\\w+`` tokens. ``--quick`` (development only) uses the dev split
and skips the 4x run. Other processes on the machine skew the figures: run
it on an otherwise idle machine.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "polnear"
TARGET_RATIO = 0.95
WORD = re.compile(r"\w+")

SPACY_SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    import spacy

    name, dirs = sys.argv[1], sys.argv[2:]
    nlp = spacy.load(name)          # every component the package enables
    texts = (p.read_text(encoding="utf-8")
             for d in dirs for p in sorted(Path(d).glob("*.txt")))
    n = 0
    for doc in nlp.pipe(texts, batch_size=32):
        n += 1
    print(n, file=sys.stderr)
""")


# The same articles parsed and then extracted batch by batch in one process:
# the rule stage's share of the time, which drift in the machine's speed
# cannot skew, since both halves of every batch run side by side.
SHARE_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from quotes.pipeline import Extractor

    name, dirs = sys.argv[1], sys.argv[2:]
    ex = Extractor.load(name)
    texts = [p.read_text(encoding="utf-8") for d in dirs for p in sorted(Path(d).glob("*.txt"))]
    parse = rules = 0.0
    for i in range(0, len(texts), 32):
        batch = texts[i:i + 32]
        t0 = time.process_time()
        docs = list(ex.nlp.pipe(batch, batch_size=32))
        t1 = time.process_time()
        for text, doc in zip(batch, docs):
            ex.extract_doc(doc, text=text)
        parse += t1 - t0
        rules += time.process_time() - t1
    print(parse, rules)
""")


class BenchError(Exception):
    pass


def run(cmd: list[str], label: str, stdout=subprocess.DEVNULL) -> tuple[float, int, float]:
    """Run ``cmd``; return (wall seconds, max RSS in bytes, CPU seconds) of
    it and the processes it waited for."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=stdout,
                            stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (its ru_maxrss covers it and its
    # reaped children), unlike RUSAGE_CHILDREN which is cumulative over all.
    stderr_chunks = []
    import threading

    reader = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()))
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = b"".join(stderr_chunks).decode("utf-8", "replace").strip().splitlines()[-15:]
        raise BenchError(f"{label} failed (exit {proc.returncode}): {' '.join(cmd)}\n"
                         + "\n".join(tail))
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss * 1024, cpu  # Linux reports ru_maxrss in KiB


def count_words(dirs: list[Path]) -> tuple[int, int]:
    files = words = 0
    for d in dirs:
        for p in sorted(d.glob("*.txt")):
            files += 1
            words += len(WORD.findall(p.read_text(encoding="utf-8")))
    return files, words


def extract_cmd() -> list[str]:
    script = ROOT / ".venv" / "bin" / "quotes"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "quotes.cli"]


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="development only: the dev split, no 4x memory run")
    ap.add_argument("--model", default=None,
                    help="spaCy model (default: the one quotes picks)")
    ap.add_argument("--polnear", type=Path, default=POLNEAR,
                    help=f"PolNeAR directory (default {POLNEAR})")
    ap.add_argument("--rounds", type=int, default=2,
                    help="alternating spaCy/extract runs; the fastest of each counts (default 2)")
    ap.add_argument("--json", dest="json_out", type=Path, default=None,
                    help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    splits = ["dev"] if args.quick else ["train", "dev"]
    dirs = [args.polnear / s / "text" for s in splits]
    missing = [str(d) for d in dirs if not d.is_dir() or not any(d.glob("*.txt"))]
    if missing:
        print(f"bench: PolNeAR texts not found: {', '.join(missing)} "
              "(expected ../shared/polnear/{train,dev}/text/*.txt beside the repository)",
              file=sys.stderr)
        return 2

    sys.path.insert(0, str(ROOT))
    try:
        from quotes.nlp import ModelError, default_model_name

        model = args.model or default_model_name()
    except ModelError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2

    files, words = count_words(dirs)
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"corpus: {files} files, {words} words ({'dev, --quick' if args.quick else 'train+dev'}); "
          f"model {model}; {cores} cores, load average {load:.2f}", flush=True)
    if load > cores / 2:
        print("bench: warning: the machine is busy; the figures (the --jobs speed-up "
              "above all) will be low and noisy", file=sys.stderr, flush=True)

    base = extract_cmd() + ["extract", *map(str, dirs), "--format", "jsonl", "-o", os.devnull,
                            "--model", model]
    results: dict[str, float] = {"words": words, "files": files}
    try:
        # Warm the page cache (texts, model files, imports) so the first
        # measured run does not pay for it.
        run([sys.executable, "-c", f"import spacy; spacy.load({model!r})"], "warm-up")

        # Alternate the two, round after round, and keep the fastest run of
        # each: this machine's speed drifts by 10% and more between minutes,
        # and one run of each measured the drift as much as the code.
        spacy_runs, extract_runs = [], []
        for r in range(args.rounds):
            spacy_runs.append(run([sys.executable, "-c", SPACY_SCRIPT, model, *map(str, dirs)], "spacy"))
            extract_runs.append(run(base + ["--jobs", "1"], "extract --jobs 1"))
            print(f"round {r + 1}: spacy {spacy_runs[-1][0]:.1f} s, extract {extract_runs[-1][0]:.1f} s, "
                  f"ratio {spacy_runs[-1][0] / extract_runs[-1][0]:.2f}", flush=True)
        t, rss_spacy, _ = min(spacy_runs)
        t1, rss1, _ = min(extract_runs)
        cpu_spacy = min(c for _, _, c in spacy_runs)
        cpu1 = min(c for _, _, c in extract_runs)
        results["spacy_wps"] = words / t
        results["rss_spacy"] = rss_spacy
        print(f"spacy words/s: {words / t:.0f} ({t:.1f} s, load included, fastest of {args.rounds})", flush=True)
        results["extract_wps"] = words / t1
        results["rss_1x"] = rss1
        print(f"extract words/s: {words / t1:.0f} ({t1:.1f} s, load included, fastest of {args.rounds})", flush=True)
        ratio = results["extract_wps"] / results["spacy_wps"]
        results["ratio"] = ratio
        # CPU time is less sensitive to other load on the machine.
        results["ratio_cpu"] = cpu_spacy / cpu1
        results["load_average"] = load
        print(f"ratio extract/spacy: {ratio:.2f} (target >= {TARGET_RATIO}); by CPU time: "
              f"{results['ratio_cpu']:.2f} ({words / cpu1:.0f} vs {words / cpu_spacy:.0f} "
              "words per CPU second)", flush=True)

        t2, _, _ = run(base + ["--jobs", "2"], "extract --jobs 2")
        results["jobs2_wps"] = words / t2
        results["speedup_jobs2"] = t1 / t2
        print(f"jobs 2 speed-up: {t1 / t2:.2f}x ({words / t2:.0f} vs {words / t1:.0f} words/s)",
              flush=True)

        with tempfile.TemporaryFile() as out:
            run([sys.executable, "-c", SHARE_SCRIPT, model, *map(str, dirs)], "rule share", stdout=out)
            out.seek(0)
            parse, rules = map(float, out.read().split())
        results["rules_share"] = rules / parse
        results["ratio_in_process"] = parse / (parse + rules)
        print(f"in one process: parse {parse:.1f} CPU s, rules {rules:.1f} CPU s ({rules / parse:.1%} of the parse); "
              f"parse/(parse+rules) {parse / (parse + rules):.3f}", flush=True)

        print(f"peak memory 1x: {mb(rss1)} (bare spaCy: {mb(rss_spacy)})", flush=True)
        if not args.quick:
            with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
                for copy in range(4):
                    for d in dirs:
                        for p in d.glob("*.txt"):
                            shutil.copyfile(p, Path(tmp) / f"c{copy}-{d.parent.name}-{p.name}")
                cmd = extract_cmd() + ["extract", tmp, "--format", "jsonl", "-o", os.devnull,
                                       "--model", model, "--jobs", "1"]
                t4, rss4, _ = run(cmd, "extract 4x")
            results["rss_4x"] = rss4
            results["extract_wps_4x"] = 4 * words / t4
            print(f"peak memory 4x: {mb(rss4)} ({rss4 / rss1:.2f}x of 1x; "
                  f"{4 * words / t4:.0f} words/s)", flush=True)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1

    summary = (f"extract words/s: {results['extract_wps']:.0f} | "
               f"spacy words/s: {results['spacy_wps']:.0f} | "
               f"ratio: {results['ratio']:.2f} (target >= {TARGET_RATIO}) | "
               f"jobs 2: {results['speedup_jobs2']:.2f}x | "
               f"peak RSS 1x: {mb(results['rss_1x'])}")
    if "rss_4x" in results:
        summary += f" | 4x: {mb(results['rss_4x'])}"
    print(summary)
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
