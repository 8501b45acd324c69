"""The benchmark host for PyPy: imports pycapibench (built for cpyext) from MODULE_DIR and
prints its memory() and run(scale) lines under "[memory]" and "[time]", as bench/host.c
does for CPython and libpycapi. Usage: pypy3 run_pypy.py MODULE_DIR [SCALE]"""
import sys

sys.path.insert(0, sys.argv[1])
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0

import pycapibench

# The module prints through C stdio: flush ours before each call so the lines stay in order.
print("[memory]", flush=True)
pycapibench.memory()
print("[time]", flush=True)
pycapibench.run(scale)
