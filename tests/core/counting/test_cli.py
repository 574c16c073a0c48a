"""``ostan count``: run as observers run it, on real files, through the installed command and main()."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ostan.cli import main

GOLDEN = Path(__file__).parent / "golden"
OSTAN = Path(sys.executable).with_name("ostan")


def test_the_installed_command_prints_the_documented_json() -> None:
    case = GOLDEN / "proportional_basic"
    done = subprocess.run(
        [str(OSTAN), "count", str(case / "constituency.json"), str(case / "ballots.jsonl"), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads((case / "expected.json").read_text(encoding="utf-8"))


def test_the_persian_summary(capsys: pytest.CaptureFixture[str]) -> None:
    case = GOLDEN / "plurality_veteran"
    assert main(["count", str(case / "constituency.json"), str(case / "ballots.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "اعضای اصلی:" in out
    assert "حسن کریمی (۱۳) — ۳ رأی" in out
    assert "اولویت ایثارگری" in out


def test_csv_ballots_and_the_imported_source_and_an_output_file(tmp_path: Path) -> None:
    case = GOLDEN / "plurality_lot_imported"
    rows = [json.loads(line) for line in (case / "ballots.jsonl").read_text(encoding="utf-8").splitlines()]
    csv_file = tmp_path / "ballots.csv"
    csv_file.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "result.json"
    args = [
        "count",
        str(case / "constituency.json"),
        str(csv_file),
        "--json",
        "--source",
        "imported",
        "--output",
        str(out),
    ]
    assert main(args) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        (case / "expected.json").read_text(encoding="utf-8")
    )


def test_a_bad_line_stops_everything_and_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = GOLDEN / "plurality_veteran"
    bad = tmp_path / "ballots.jsonl"
    bad.write_text('["11"]\n["12"]\n["13", \n', encoding="utf-8")
    out = tmp_path / "result.json"
    assert main(["count", str(case / "constituency.json"), str(bad), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "سطر ۳" in err
    assert not out.exists()


def test_a_bad_constituency_file_names_the_json_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((GOLDEN / "plurality_veteran" / "constituency.json").read_text(encoding="utf-8"))
    data["candidates"][2]["education"] = "phd"
    broken = tmp_path / "constituency.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert main(["count", str(broken), str(GOLDEN / "plurality_veteran" / "ballots.jsonl")]) == 1
    assert "$.candidates[2].education" in capsys.readouterr().err


def test_missing_files_and_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["count", str(tmp_path / "none.json"), str(tmp_path / "none.jsonl")]) == 1
    assert "none.json" in capsys.readouterr().err
    assert main(["count", "only-one-file.json"]) == 2
