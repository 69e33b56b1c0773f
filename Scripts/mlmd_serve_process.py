"""`mlmd serve` as a child process of the reliability scripts (crash-safety.py, concurrency.py)."""

import os
import re
import signal
import subprocess
import sys
import time


class Server:
    """One `mlmd serve` process on a free port of 127.0.0.1; `label` names its output files in
    `workdir`, and `name` (the script's) prefixes what it says on standard error."""

    def __init__(self, binary, db, workdir, label, name):
        self.name = name
        self.out_path = os.path.join(workdir, f"server-{label}.out")
        self.err_path = os.path.join(workdir, f"server-{label}.err")
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.process = subprocess.Popen(
                [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--db", db],
                stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = time.monotonic() + 120
        while True:
            with open(self.out_path) as out:
                match = re.search(r"listening on (\S+):(\d+)", out.read())
            if match:
                self.host, self.port = match.group(1), int(match.group(2))
                return
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                with open(self.err_path) as err:
                    raise SystemExit(f"{name}: the server did not start:\n{err.read()[-3000:]}")
            time.sleep(0.02)

    def kill(self):
        """SIGKILL, and wait for the process to be gone."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        """SIGTERM (the server finishes its calls and closes the store); its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                print(f"{self.name}: the server did not stop on SIGTERM within 30 s; killing it", file=sys.stderr, flush=True)
                self.kill()
        return self.process.returncode
