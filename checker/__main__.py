import os
import sys

from checker.cli import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:  # `python -m checker … | head -1`: the reader has what it wanted; end quietly
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 0
sys.exit(code)
