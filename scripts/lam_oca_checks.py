#!/usr/bin/env python3
# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Run one of OCA's module checks (``oca-odoo-pre-commit-hooks``) on this addon.

OCA's checks find a module by walking up from a file to its manifest, and stop
below the repository's top folder; this repository *is* the addon, so they
would find nothing. The files of the work tree (tracked, or new and not
ignored) are laid out under ``<tmp>/lubricant_account_manager/`` in a
repository of their own and checked there; messages name paths of this
repository. Used by .pre-commit-config.yaml::

    python scripts/lam_oca_checks.py oca-checks-odoo-module [options]
    python scripts/lam_oca_checks.py oca-checks-po [options]
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MODULE = "lubricant_account_manager"


def work_tree_files(root):
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout
    return [os.fsdecode(name) for name in listed.split(b"\0") if name]


def main(argv):
    if not argv:
        sys.stderr.write(__doc__)
        return 2
    tool, *options = argv
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        module = Path(tmp) / MODULE
        for name in work_tree_files(root):
            source = root / name
            if source.is_file() and not source.is_symlink():
                (module / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, module / name)
        subprocess.run(["git", "init", "-q", tmp], check=True)
        if Path(tool).name == "oca-checks-po":
            targets = sorted(str(path) for path in (module / "i18n").glob("*.po*"))
        else:
            targets = [str(module / "__manifest__.py")]
        result = subprocess.run(
            [tool, *options, *targets], cwd=tmp, capture_output=True, text=True
        )
        output = (result.stdout + result.stderr).replace(f"{MODULE}/", "")
        sys.stdout.write(output.replace(tmp + "/", ""))
        return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
