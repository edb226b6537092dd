"""Build dist/stick.pyz: stick and its pure-Python dependencies in one file.

    python scripts/build_pyz.py [--output dist/stick.pyz]

Run it where stick's dependencies are installed (e.g. after `pip install .`):
the dependencies are copied from this environment, so the file holds exactly
the versions the tests ran against and the build needs no network.

zipimport never caches bytecode, so every module also ships as a compiled
`.pyc` beside its source (the legacy layout zipimport looks for), compiled with
an unchecked hash so no clock or time zone can make it look stale. zipimport
uses only that one version, so on any other Python the file's start
(pyz_main.py, its `__main__`) unpacks it once into the user's cache folder and
runs from there (see pyz_main.py).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import py_compile
import re
import shutil
import sys
import tempfile
import zipfile
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUR_PACKAGES = ("surveys", "tui", "exports")
RUNTIME = ("textual", "questionary", "tomli-w", "openpyxl")
# Compiled extensions cannot load from a zip, and would tie the file to one platform;
# every one our dependencies carry has a pure-Python fallback.
SKIP_SUFFIXES = (".so", ".pyd", ".dll", ".dylib", ".pyc", ".exe")
START = Path(__file__).resolve().parent / "pyz_main.py"


def _name(requirement: str) -> tuple[str, set[str], str]:
    found = re.match(r"\s*([A-Za-z0-9_.-]+)\s*(?:\[([^\]]*)\])?[^;]*(?:;(.*))?", requirement)
    assert found, requirement
    extras = {e.strip() for e in (found.group(2) or "").split(",") if e.strip()}
    return found.group(1), extras, (found.group(3) or "")


def closure(roots: tuple[str, ...]) -> list[str]:
    """Every installed distribution the roots need.

    A dependency only some platforms need (a platform marker) is bundled when it
    is installed here; when it is not, it is left out and named, since its
    platform's Python cannot get it from the zip anyway.
    """
    seen: dict[str, set[str]] = {}
    todo: list[tuple[str, set[str], str]] = [(r, set(), "") for r in roots]
    while todo:
        name, extras, marker = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen and extras <= seen[key]:
            continue
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:
            if re.search(r"sys_platform|platform_system|os_name", marker):
                print(f"build_pyz: leaving out {name} ({marker.strip()}): not installed here", file=sys.stderr)
                continue
            raise SystemExit(f"build_pyz: {name} is not installed here; run: python -m pip install .") from None
        seen.setdefault(key, set()).update(extras)
        for requirement in requires:
            dep, dep_extras, dep_marker = _name(requirement)
            wanted = re.findall(r"""extra\s*==\s*["']([^"']+)["']""", dep_marker)
            if wanted and not set(wanted) & seen[key]:
                continue
            todo.append((dep, dep_extras, dep_marker))
    return sorted(seen)


def copy_distribution(name: str, target: Path) -> int:
    dist = distribution(name)
    copied = 0
    for entry in dist.files or []:
        if entry.parts[0] == ".." or "__pycache__" in entry.parts or entry.suffix in SKIP_SUFFIXES:
            continue
        source = Path(str(dist.locate_file(entry)))
        if not source.is_file():
            continue
        destination = target / entry
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        copied += 1
    return copied


def content_hash(staging: Path) -> str:
    """A short hash of every file's name and bytes: the name of this build's unpacked copy."""
    digest = hashlib.sha256()
    for path in sorted(staging.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(staging).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def start_module(build: str) -> str:
    """pyz_main.py with this build's hash and bytecode version written in."""
    text = START.read_text(encoding="utf-8")
    text = re.sub(r'^BUILD = "[^"]*"', f'BUILD = "{build}"', text, count=1, flags=re.M)
    return re.sub(r'^BYTECODE = "[^"]*"', f'BYTECODE = "{sys.implementation.cache_tag}"', text, count=1, flags=re.M)


def build(output: Path) -> Path:
    with tempfile.TemporaryDirectory() as temp:
        staging = Path(temp)
        for package in OUR_PACKAGES:
            shutil.copytree(ROOT / package, staging / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in closure(RUNTIME):
            copy_distribution(name, staging)
        (staging / "__main__.py").write_text(start_module(content_hash(staging)), encoding="utf-8")
        ok = compileall.compile_dir(
            staging, quiet=1, legacy=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
        )
        if not ok:
            raise SystemExit("build_pyz: some modules did not compile")
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_suffix(".partial")
        # The shebang goes first, as zipapp does it, so the file also runs as ./stick.pyz.
        with open(partial, "wb") as handle:
            handle.write(b"#!/usr/bin/env python3\n")
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(staging.rglob("*")):
                    if path.is_file():
                        # Bytecode is what zipimport loads on every start: stored,
                        # it is read without inflating (about a tenth of the start).
                        # Sources are read only for tracebacks, so they are packed.
                        packing = zipfile.ZIP_STORED if path.suffix == ".pyc" else zipfile.ZIP_DEFLATED
                        archive.write(path, path.relative_to(staging).as_posix(), compress_type=packing)
        partial.chmod(0o755)
        partial.replace(output)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / "stick.pyz")
    args = parser.parse_args()
    path = build(args.output)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    # The README quotes this size (tests/test_pyz.py holds it to the build).
    print(f"{path} ({path.stat().st_size / 2**20:.1f} MiB, Python {version} bytecode)")


if __name__ == "__main__":
    main()
