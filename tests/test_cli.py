"The `teum-cxdo` console script as a user runs it: output, exit codes, one-line errors."
import subprocess, sys, shutil
import pytest

def run(*args, input=None):
    exe = shutil.which('teum-cxdo') or None
    cmd = [exe] if exe else [sys.executable, '-c', 'import sys; from teum_cxdo.cli import main; sys.exit(main())']
    return subprocess.run(cmd + list(args), capture_output=True, text=True, input=input, timeout=300)

def test_bare_command_prints_manifest():
    r = run()
    assert r.returncode == 0, r.stderr
    for d in ('teum_2017q2_call', 'teum_2017_10k', 'cxdo_2023q2_call'): assert d in r.stdout

def test_unknown_subcommand_exits_2():
    r = run('frobnicate')
    assert r.returncode == 2 and 'invalid choice' in r.stderr

def test_help_works():
    r = run('--help')
    assert r.returncode == 0 and 'usage: teum-cxdo' in r.stdout
