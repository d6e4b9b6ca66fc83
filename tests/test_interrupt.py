"""``quotes extract --db``: a run killed with SIGKILL mid-way resumes to the
same result as an uninterrupted run, every document stored exactly once."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from quotes.store import RunStore

ROOT = Path(__file__).resolve().parent.parent
N_DOCS = 60

NAMES = [("Vitali Klitschko", "Mayor", "Kyiv"), ("Jane Doe", "health minister", "Ireland"),
         ("Carlos Mendes", "spokesperson", "Acme Corp"), ("Amina Yusuf", "Foreign Minister", "Kenya"),
         ("Tom Becker", "chief executive", "Northwind"), ("Lena Fischer", "police chief", "Berlin")]
SAYINGS = ["We will rebuild", "This is a difficult day for all of us", "The numbers are improving",
           "Nobody should be above the law", "We expect the talks to resume next week",
           "Our priority is the safety of residents", "We did not see this coming"]
CLAUSES = ["the repairs would take months", "the budget had been approved",
           "more help was on the way", "the plan was reckless", "the investigation would continue",
           "the bridge would reopen on Monday"]
FILLER = ["Rescue crews worked through the night.", "Traffic was diverted around the city centre.",
          "The weather is expected to improve on Friday.", "Markets closed slightly higher.",
          "Hundreds of people gathered outside the town hall on Tuesday evening.",
          "The council will meet again next month to review the situation."]


def article(i: int) -> str:
    rnd = random.Random(1000 + i)
    paras = []
    for _ in range(rnd.randint(8, 14)):
        name, role, aff = rnd.choice(NAMES)
        last = name.split()[-1]
        kind = rnd.randrange(6)
        if kind == 0:
            s = f"“{rnd.choice(SAYINGS)},” said {role} {name} of {aff}."
        elif kind == 1:
            s = f"{name}, the {role}, told reporters that {rnd.choice(CLAUSES)}."
        elif kind == 2:
            s = f"“{rnd.choice(SAYINGS)},” {last} wrote on Telegram. “{rnd.choice(SAYINGS)}.”"
        elif kind == 3:
            s = f"According to {aff} officials, {rnd.choice(CLAUSES)}."
        elif kind == 4:
            s = f"{name} said in a statement that {rnd.choice(CLAUSES)}."
        else:
            s = f"The {role} called the proposal “{rnd.choice(['reckless', 'a good start'])}”."
        paras.append(" ".join([rnd.choice(FILLER), s, rnd.choice(FILLER), rnd.choice(FILLER)]))
    return f"Headline number {i}\n\n" + "\n\n".join(paras) + "\n"


def extract(corpus: Path, db: Path, out: Path) -> subprocess.Popen:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "quotes.cli", "extract", str(corpus), "--db", str(db),
           "--format", "jsonl", "-o", str(out), "--batch-size", "4"]
    # Own session: the kill below reaches the run and anything it started.
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


def finish(proc: subprocess.Popen, timeout: float = 300) -> None:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode("utf-8", "replace")[-2000:]


def stored(db: Path) -> tuple[list[str], dict[str, list[dict]]]:
    with RunStore(db, create=False) as st:
        ids = st.doc_ids()
        by_doc: dict[str, list[dict]] = {}
        for q in st.iter_quotes():
            by_doc.setdefault(q.doc_id, []).append(q.to_dict())
        assert st.count_documents() == len(ids)
    return ids, by_doc


def consistent(db: Path) -> None:
    """Each stored document has exactly the quote rows its n_quotes says, and
    no quote row lacks its document: nothing half-written."""
    con = sqlite3.connect(db)
    try:
        bad = con.execute(
            "SELECT d.doc_id FROM documents d LEFT JOIN quotes q ON q.doc_id = d.doc_id "
            "GROUP BY d.doc_id HAVING count(q.doc_id) != d.n_quotes").fetchall()
        orphans = con.execute("SELECT count(*) FROM quotes WHERE doc_id NOT IN "
                              "(SELECT doc_id FROM documents)").fetchone()[0]
    finally:
        con.close()
    assert bad == [] and orphans == 0


def test_sigkill_then_resume_equals_uninterrupted_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(N_DOCS):
        (corpus / f"doc{i:03d}.txt").write_text(article(i), encoding="utf-8")
    expected_ids = [f"doc{i:03d}" for i in range(N_DOCS)]

    full_db = tmp_path / "full.sqlite"
    finish(extract(corpus, full_db, tmp_path / "full.jsonl"))
    full_ids, full = stored(full_db)
    assert full_ids == expected_ids
    assert sum(map(len, full.values())) > N_DOCS  # the corpus does have quotes

    db = tmp_path / "run.sqlite"
    proc = extract(corpus, db, tmp_path / "out.jsonl")
    done_at_kill = None
    deadline = time.monotonic() + 300
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists():
                try:
                    with RunStore(db, create=False) as st:
                        n = st.count_documents()
                except Exception:  # being created right now
                    n = 0
                if n >= 3:
                    os.killpg(proc.pid, signal.SIGKILL)
                    done_at_kill = n
                    break
            time.sleep(0.02)
    finally:
        if proc.poll() is None and done_at_kill is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
    assert done_at_kill is not None, "the run ended before it could be interrupted"
    assert proc.returncode == -signal.SIGKILL

    consistent(db)
    ids_after_kill, partial = stored(db)
    assert 3 <= len(ids_after_kill) < N_DOCS, "the kill did not land mid-run"
    print(f"killed with {len(ids_after_kill)}/{N_DOCS} documents stored")
    assert ids_after_kill == expected_ids[:len(ids_after_kill)]
    for doc_id in ids_after_kill:            # what is there is complete and right
        assert partial.get(doc_id, []) == full.get(doc_id, [])

    finish(extract(corpus, db, tmp_path / "out.jsonl"))
    consistent(db)
    ids, resumed = stored(db)
    assert ids == expected_ids                # each document exactly once, in order
    assert resumed == full
    with RunStore(db, create=False) as a, RunStore(full_db, create=False) as b:
        assert [q.to_dict() for q in a.iter_quotes()] == [q.to_dict() for q in b.iter_quotes()]

    # A third run has nothing left to do.
    finish(extract(corpus, db, tmp_path / "again.jsonl"))
    assert (tmp_path / "again.jsonl").read_text() == ""
    assert stored(db)[0] == expected_ids
