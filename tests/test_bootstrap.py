# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""The pure parts of scripts/lam_bootstrap.py: which source, which cache, and
whether a cached environment may be used. Plain unit tests: no database."""

import hashlib
import importlib.util
import json
import subprocess
import tarfile
import tempfile
import unittest
import zipfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "lam_bootstrap.py"
_spec = importlib.util.spec_from_file_location("lam_bootstrap", SCRIPT)
bootstrap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bootstrap)


def make_source(folder, release="version_info = (18, 0, 0, 'final', 0, '')\n"):
    """Write the skeleton of an Odoo source folder: what identifies it."""
    folder = Path(folder)
    (folder / "odoo").mkdir(parents=True)
    (folder / "odoo" / "release.py").write_text(release)
    (folder / "requirements.txt").write_text(
        "cbor2==5.4.2 ; python_version < '3.12'\nlxml==4.9.3\n"
    )
    (folder / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    return folder


class TestSourceIdentity(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(subprocess.run, ["rm", "-rf", str(self.tmp)])

    def test_archive_is_named_by_its_checksum(self):
        archive = self.tmp / "odoo.tar.gz"
        archive.write_bytes(b"first")
        identity = bootstrap.source_identity(archive)
        self.assertEqual(identity, "archive:" + hashlib.sha256(b"first").hexdigest())
        archive.write_bytes(b"second")
        self.assertNotEqual(bootstrap.source_identity(archive), identity)

    def test_folder_without_git_is_named_by_release_and_requirements(self):
        source = make_source(self.tmp / "odoo-18.0")
        identity = bootstrap.source_identity(source)
        self.assertTrue(identity.startswith("files:"))
        (source / "README.md").write_text("other files do not count")
        self.assertEqual(bootstrap.source_identity(source), identity)
        (source / "odoo" / "release.py").write_text(
            "version_info = (18, 0, 1, 'final', 0, '')\n"
        )
        self.assertNotEqual(bootstrap.source_identity(source), identity)

    def test_clean_git_checkout_is_named_by_its_commit(self):
        source = make_source(self.tmp / "odoo")
        git = [
            "git",
            "-C",
            str(source),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
        ]
        subprocess.run([*git, "init", "-q"], check=True)
        subprocess.run([*git, "add", "."], check=True)
        subprocess.run([*git, "commit", "-qm", "18.0"], check=True)
        commit = subprocess.run(
            [*git, "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        self.assertEqual(bootstrap.source_identity(source), f"git:{commit}")
        # a modified checkout is not that commit any more
        (source / "requirements.txt").write_text("lxml==5.2.1\n")
        self.assertTrue(bootstrap.source_identity(source).startswith("files:"))

    def test_cache_key_depends_on_source_and_python(self):
        key = bootstrap.cache_key("archive:abc", "py3.11")
        self.assertEqual(key, bootstrap.cache_key("archive:abc", "py3.11"))
        self.assertNotEqual(key, bootstrap.cache_key("archive:abc", "py3.12"))
        self.assertNotEqual(key, bootstrap.cache_key("archive:abd", "py3.11"))
        self.assertEqual(bootstrap.python_tag((3, 11, 7)), "py3.11")


class TestCachedEnvironment(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(subprocess.run, ["rm", "-rf", str(self.tmp)])
        self.env_dir = self.tmp / "odoo18-py3.11-0123456789abcdef"

    def _finish(self, identity):
        (self.env_dir / "venv" / "bin").mkdir(parents=True, exist_ok=True)
        (self.env_dir / "venv" / "bin" / "python").write_text("")
        (self.env_dir / bootstrap.MARKER).write_text(json.dumps({"identity": identity}))

    def test_missing(self):
        self.assertEqual(bootstrap.env_state(self.env_dir, "archive:abc"), "missing")

    def test_interrupted_build_is_broken(self):
        # pip was interrupted: the virtualenv exists, the marker written last does not
        (self.env_dir / "venv" / "bin").mkdir(parents=True)
        (self.env_dir / "venv" / "bin" / "python").write_text("")
        self.assertEqual(bootstrap.env_state(self.env_dir, "archive:abc"), "broken")

    def test_unreadable_marker_is_broken(self):
        self._finish("archive:abc")
        (self.env_dir / bootstrap.MARKER).write_text("{not json")
        self.assertEqual(bootstrap.env_state(self.env_dir, "archive:abc"), "broken")

    def test_marker_of_another_source_is_broken(self):
        self._finish("archive:other")
        self.assertEqual(bootstrap.env_state(self.env_dir, "archive:abc"), "broken")

    def test_lost_interpreter_is_broken(self):
        self._finish("archive:abc")
        (self.env_dir / "venv" / "bin" / "python").unlink()
        self.assertEqual(bootstrap.env_state(self.env_dir, "archive:abc"), "broken")

    def test_finished_build_is_ready(self):
        self._finish("archive:abc")
        self.assertEqual(bootstrap.env_state(self.env_dir, "archive:abc"), "ready")


class TestSourceHandling(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(subprocess.run, ["rm", "-rf", str(self.tmp)])

    def test_known_snags_of_odoo_requirements_are_mended(self):
        text = (
            "cbor2==5.4.2 ; python_version < '3.12'\n"
            "cbor2==5.6.2 ; python_version >= '3.12'\n"
            "python-ldap==3.4.0 ; sys_platform != 'win32' and python_version < '3.12'\n"
            "lxml==4.9.3 ; python_version > '3.10'\n"
        )
        self.assertEqual(
            bootstrap.patch_requirements(text).splitlines(),
            [
                "cbor2==5.4.6 ; python_version < '3.12'",
                "cbor2==5.6.2 ; python_version >= '3.12'",
                "lxml==4.9.3 ; python_version > '3.10'",
            ],
        )

    def test_archives_of_every_kind_hold_one_source_folder(self):
        source = make_source(self.tmp / "src" / "odoo-18.0")
        tar_path = self.tmp / "odoo.tar.xz"
        with tarfile.open(tar_path, "w:xz") as handle:
            handle.add(source, arcname="odoo-18.0")
        zip_path = self.tmp / "odoo.zip"
        with zipfile.ZipFile(zip_path, "w") as handle:
            for path in source.rglob("*"):
                handle.write(path, Path("odoo-18.0") / path.relative_to(source))
        for archive in (tar_path, zip_path):
            self.assertTrue(bootstrap.is_archive(archive))
            target = self.tmp / f"out-{archive.name}"
            bootstrap.extract_archive(archive, target)
            root = bootstrap.find_source_root(target)
            self.assertEqual(root.name, "odoo-18.0")
            self.assertTrue(bootstrap.is_odoo_source_dir(root))

    def test_archive_without_odoo_is_refused(self):
        (self.tmp / "empty" / "something").mkdir(parents=True)
        with self.assertRaisesRegex(bootstrap.BootstrapError, "one Odoo source folder"):
            bootstrap.find_source_root(self.tmp / "empty")

    def test_missing_source_is_one_paragraph_naming_both_variables(self):
        with self.assertRaises(bootstrap.BootstrapError) as caught:
            bootstrap.odoo_from_source(self.tmp / "nowhere.tar.xz")
        message = str(caught.exception)
        self.assertIn("ODOO_SRC", message)
        self.assertIn("ODOO_PYTHON", message)
        self.assertIn("does not exist", message)
        self.assertNotIn("\n\n", message)
