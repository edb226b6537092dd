"""`stick interview` as a user runs it: the real command, its exit codes and what it imports."""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from surveys.files.response_file import load_assessment
from tests.conftest import ROOT, run_stick
from tests.interview_helpers import IDS, answered, fresh_file
from tui.interview import command


def test_plain_through_the_real_command(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    done = run_stick(["interview", str(path), "--plain"], input="1\n2 =SUM(A1) نوٹ\nb\ns\nd\n7\ns ask HR\n")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    saved = load_assessment(path)
    assert saved.answers["mat-vision"].choice == 1
    assert saved.answers["mat-needs"].note == "=SUM(A1) نوٹ"
    assert saved.answers["mat-risk"].dont_know
    assert saved.answers["mat-partners"].note == "ask HR" and not saved.answers["mat-partners"].given
    assert "Answer (1-3, d, s, b): 2 =SUM(A1) نوٹ" in done.stdout  # piped lines are echoed as a transcript
    assert "There is no choice 7 here" in done.stdout
    carry_on = shlex.join([sys.executable, "-m", "tui", "interview", str(path), "--plain"])
    assert f"To carry on, run: {carry_on}" in done.stdout  # started as `python -m tui`, so said so

    again = run_stick(["interview", str(path), "--plain"], input="3\n")
    assert again.returncode == 0
    assert "starting at question 4." in again.stdout
    assert load_assessment(path).answers["mat-partners"].choice == 3
    assert load_assessment(path).answers["mat-partners"].note == "ask HR"


def test_plain_is_chosen_when_input_is_not_a_terminal(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    done = run_stick(["interview", str(path)], input="2\n")
    assert done.returncode == 0, done.stderr
    assert "Answer (1-3, d, s, b): 2" in done.stdout
    assert load_assessment(path).answers["mat-vision"].choice == 2


def test_a_whole_interview_with_priorities_from_a_script(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answers = ["2"] * (len(IDS) - 2) + ["Staff network", "s"]
    plan = ["y", "3", "Appoint a specialist", "Director of HR", "", "2026-06-30", "", "Post filled", "n"]
    done = run_stick(["interview", str(path), "--plain"], input="\n".join(answers + plan) + "\n")
    assert done.returncode == 0, done.stderr
    assert "Done." in done.stdout
    saved = load_assessment(path)
    assert sum(a.given for a in saved.answers.values()) == len(IDS) - 1
    (priority,) = saved.priorities
    assert (priority.area, priority.lead, priority.measure) == ("specialist", "Director of HR", "Post filled")
    report = run_stick(["report", str(path)])
    assert "Action plan" in report.stdout and "Appoint a specialist" in report.stdout


def test_a_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("organisation = [", encoding="utf-8")
    done = run_stick(["interview", str(bad), "--plain"], input="1\n")
    assert done.returncode == 2
    assert done.stderr.startswith("stick: ") and len(done.stderr.strip().splitlines()) == 1
    assert bad.read_text(encoding="utf-8") == "organisation = ["
    missing = run_stick(["interview", str(tmp_path / "missing.toml")], input="")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_no_console_suggests_plain_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import run

    path = fresh_file(tmp_path)
    monkeypatch.setattr(sys, "stdin", None)  # how a Windows program without a console starts
    assert run(["interview", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"stick: {command.no_terminal(path)}"
    assert "--plain" in err
    assert load_assessment(path).answers == {}


def test_a_terminal_prompt_toolkit_cannot_use_suggests_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import prompt_toolkit.output

    from tui.cli import run

    class NoConsoleScreenBufferError(Exception):
        """Named like prompt_toolkit's Windows error, which cannot be imported here."""

    def no_console(*args: object, **kwargs: object) -> None:
        raise NoConsoleScreenBufferError("Found xterm, while expecting a Windows console.")

    path = fresh_file(tmp_path)
    monkeypatch.setattr(command, "wants_plain", lambda args: False)
    monkeypatch.setattr(prompt_toolkit.output, "create_output", no_console)
    assert run(["interview", str(path)]) == 2
    assert capsys.readouterr().err.strip() == f"stick: {command.no_terminal(path)}"


@pytest.mark.parametrize(("plain", "term", "expected"), [(True, "xterm", True), (False, "dumb", True)])
def test_plain_when_asked_or_when_the_terminal_is_dumb(
    plain: bool, term: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", term)
    assert command.wants_plain(argparse.Namespace(plain=plain)) is expected


def test_stick_itself_and_the_plain_mode_never_import_questionary(tmp_path: Path) -> None:
    path = fresh_file(tmp_path)
    answered(path, IDS[:3])
    probe = (
        "import sys\n"
        "from tui.cli import run\n"
        "code = run(sys.argv[1:])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('questionary', 'prompt_toolkit'))\n"
        "print('HEAVY', heavy, code)\n"
    )
    for args in (["interview", str(path), "--plain"], ["report", str(path)], ["check", str(path)]):
        done = subprocess.run(
            [sys.executable, "-c", probe, *args],
            input="1\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=60,
        )
        assert "HEAVY [] " in done.stdout, (args, done.stdout[-300:], done.stderr)
    start = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, tui.cli, tui.interview.command, tui.interview.plain;"
            "print(any(m.startswith(('questionary', 'prompt_toolkit')) for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert start.stdout.strip() == "False"
