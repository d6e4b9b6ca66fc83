"""A wheel carries the rule data: ``pip install quotes`` (not only an
editable checkout) must find models/ inside the package."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_every_rule_file(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    (wheel,) = tmp_path.glob("quotes-*.whl")
    packed = {name.split("quotes/models/", 1)[1] for name in zipfile.ZipFile(wheel).namelist() if name.startswith("quotes/models/")}
    wanted = {p.name for p in (ROOT / "models").iterdir() if p.is_file()}
    assert wanted and wanted <= packed, sorted(wanted - packed)
