# SPDX-License-Identifier: MIT
"""A minimal in-tree PEP 517 build backend (standard library only).

Why not setuptools: building a wheel with setuptools < 70.1 needs the separate
``wheel`` package, which a machine without PyPI access may not have (the one
this was written on has setuptools 65.5 and no ``wheel``). The package is pure
Python, so a wheel is only a zip of ``gkreport/`` plus metadata; this backend
writes it, and ``pip install ./bindings/python`` works offline with no flags.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "gkreport"


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    project = text.split("[project]", 1)[1].split("\n[", 1)[0]

    def field(key):
        m = re.search(r'^%s\s*=\s*"([^"]*)"' % key, project, re.M)
        return m.group(1) if m else ""
    license_ = re.search(r'^license\s*=\s*\{\s*text\s*=\s*"([^"]*)"', project, re.M)
    return (field("name"), field("version"), field("description"),
            field("requires-python"), license_.group(1) if license_ else "")


def _metadata():
    name, version, summary, requires_python, license_ = _project()
    lines = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version,
             "Summary: " + summary, "Requires-Python: " + requires_python,
             "License: " + license_,
             "Classifier: License :: OSI Approved :: MIT License",
             "Provides-Extra: pandas", 'Requires-Dist: pandas; extra == "pandas"']
    readme = os.path.join(ROOT, "README.md")
    body = ""
    if os.path.exists(readme):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme, encoding="utf-8") as f:
            body = "\n" + f.read()
    return name, version, "\n".join(lines) + "\n" + body


def _package_files():
    base = os.path.join(ROOT, PACKAGE)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            if fn.endswith((".py", ".typed")):
                full = os.path.join(dirpath, fn)
                yield full, os.path.relpath(full, ROOT).replace(os.sep, "/")


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "%s,sha256=%s,%d" % (arcname, digest.decode(), len(data))


def _write_wheel(directory, files):
    name, version, metadata = _metadata()
    dist = "%s-%s" % (name, version)
    wheel_name = dist + "-py3-none-any.whl"
    info = dist + ".dist-info"
    extra = {
        info + "/METADATA": metadata.encode("utf-8"),
        info + "/WHEEL": b"Wheel-Version: 1.0\nGenerator: gk_backend\n"
                         b"Root-Is-Purelib: true\nTag: py3-none-any\n",
        info + "/top_level.txt": (PACKAGE + "\n").encode(),
    }
    record = []
    with zipfile.ZipFile(os.path.join(directory, wheel_name), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for arcname, data in list(files) + sorted(extra.items()):
            z.writestr(arcname, data)
            record.append(_record_line(arcname, data))
        record.append(info + "/RECORD,,")
        z.writestr(info + "/RECORD", "\n".join(record) + "\n")
    return wheel_name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = []
    for full, arcname in _package_files():
        with open(full, "rb") as f:
            files.append((arcname, f.read()))
    return _write_wheel(wheel_directory, files)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [("gkreport_editable.pth", (ROOT + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    name, version, _m = _project()[0], _project()[1], None
    dist = "%s-%s" % (name, version)
    path = os.path.join(sdist_directory, dist + ".tar.gz")
    with tarfile.open(path, "w:gz") as tar:
        for rel in ["pyproject.toml", "README.md", "_build/gk_backend.py"]:
            tar.add(os.path.join(ROOT, rel), arcname=dist + "/" + rel)
        for full, arcname in _package_files():
            tar.add(full, arcname=dist + "/" + arcname)
        pkg_info = _metadata()[2].encode("utf-8")
        ti = tarfile.TarInfo(dist + "/PKG-INFO")
        ti.size = len(pkg_info)
        tar.addfile(ti, io.BytesIO(pkg_info))
    return os.path.basename(path)
