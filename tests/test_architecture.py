"""The headless core stays headless: no Qt, no model runtime, and import-linter's contracts hold."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_core_imports_pull_in_no_gui_or_model_runtime():
    code = (
        "import sys, json; import acgdesk.library, acgdesk.cli, acgdesk.pipeline.indexer; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'torch', 'onnxruntime'))))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == []


def test_a_cli_query_does_not_load_watching_upscaling_or_sidecars():
    """``acgdesk search`` starts cold on every call; the facade imports those features where used."""
    code = (
        "import sys, json; import acgdesk.cli, acgdesk.library; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith("
        "('acgdesk.watch', 'acgdesk.upscale', 'acgdesk.tags.sidecars', 'acgdesk.gui', 'watchdog')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_import_linter_contracts_are_kept():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is a test dependency"
    proc = subprocess.run([lint], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout
