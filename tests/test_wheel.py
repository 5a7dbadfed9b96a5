"""The built wheel carries the templates and data files, and the installed package finds them."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from okx_helper.writing import categories

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.e2e  # builds and installs the wheel: tens of seconds


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("okx_helper-*.whl")
    return built


def test_wheel_contains_templates_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("en", "zh"):
        assert f"okx_helper/templates/{lang}/base.txt.j2" in names
        for category in categories.categories():
            assert f"okx_helper/templates/{lang}/{category.template}" in names
    assert "okx_helper/data/categories.toml" in names
    assert "okx_helper/data/strings/compose.toml" in names
    assert not any(name.startswith("templates/") for name in names)


def test_installed_package_renders_without_the_source_tree(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import okx_helper, sys\n"
        "from okx_helper.writing import compose\n"
        "from okx_helper.writing.draft import Draft\n"
        "from okx_helper.base.resources import templates_dir\n"
        "print(okx_helper.__file__)\n"
        "print(templates_dir())\n"
        "body = compose.render_body(Draft(category='deposit', email_lang='zh', fields={'coin': 'USDT'}))\n"
        "assert body.startswith('欧易客服团队'), body\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    package_file, templates = result.stdout.split("\n")[:2]
    assert package_file.startswith(str(site)) and templates == str(site / "okx_helper" / "templates")
