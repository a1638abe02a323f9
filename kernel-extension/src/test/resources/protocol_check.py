"""Talks to the tunebook kernel over the Jupyter protocol with jupyter_client and checks what a notebook relies on:
live display updates after the cell that started a background run has finished, interrupts, and shutdown.
Prints one line per check; exits non-zero at the first failure."""
import sys
import time
from jupyter_client.manager import start_new_kernel


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def execute(kc, code, timeout=60):
    """Runs code; returns (reply content, iopub messages of the request up to its idle status)."""
    msg_id = kc.execute(code)
    messages = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=max(1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], messages


km, kc = start_new_kernel(kernel_name="tunebook", startup_timeout=90)
try:
    reply, _ = execute(kc, 'Objective slow = t -> { Thread.sleep(40); return t.suggestFloat("x", 0, 1); };')
    if reply["status"] != "ok":
        fail("defining an objective: %s" % reply)

    reply, messages = execute(kc, "%tune new bg\n%tune run bg --objective slow --trials 15 --background")
    if reply["status"] != "ok":
        fail("starting a background run: %s" % reply)
    ids = [m["content"].get("transient", {}).get("display_id") for m in messages if m["msg_type"] == "display_data"]
    ids = [i for i in ids if i]
    if not ids:
        fail("the background run showed no updatable display")
    display_id = ids[-1]
    print("background run started; the cell finished; display %s" % display_id)

    updates = []
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        if msg["msg_type"] == "update_display_data" \
                and msg["content"].get("transient", {}).get("display_id") == display_id:
            updates.append(msg)
            if "done" in msg["content"]["data"]["text/plain"]:
                break
    if not updates or "done: 15/15 trials" not in updates[-1]["content"]["data"]["text/plain"]:
        fail("no final update after the cell finished: %s" % [u["content"]["data"]["text/plain"] for u in updates])
    print("display updated %d times while the kernel was idle, ending with: %s"
          % (len(updates), updates[-1]["content"]["data"]["text/plain"]))

    msg_id = kc.execute("Thread.sleep(120_000);")
    time.sleep(2)
    started = time.time()
    km.interrupt_kernel()
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"]["status"] != "error":
        fail("the interrupted cell replied %s" % reply["content"])
    print("interrupt stopped a sleeping cell after %.1fs: %s" % (time.time() - started, reply["content"].get("evalue")))

    reply, messages = execute(kc, "1 + 1")
    results = [m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "execute_result"]
    if results != ["2"]:
        fail("after the interrupt, 1 + 1 gave %s" % results)
    print("the kernel still works after the interrupt")

    reply, messages = execute(kc, "%tune new idle\n%tune run idle --objective slow --trials 1000 --background")
    ids = [m["content"].get("transient", {}).get("display_id") for m in messages if m["msg_type"] == "display_data"]
    ids = [i for i in ids if i]
    if reply["status"] != "ok" or not ids:
        fail("starting a second background run: %s" % reply)
    time.sleep(1)
    km.interrupt_kernel()  # no cell runs now: the interrupt is for the background run
    summary = None
    deadline = time.time() + 30
    while summary is None and time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        if msg["msg_type"] == "update_display_data" \
                and msg["content"].get("transient", {}).get("display_id") == ids[-1] \
                and not msg["content"]["data"]["text/plain"].startswith("running"):
            summary = msg["content"]["data"]["text/plain"]
    if summary is None or not summary.startswith("'idle' interrupted: "):
        fail("an interrupt while idle did not end the background run: %s" % summary)
    print("an interrupt while no cell ran ended the background run: %s" % summary)

    reply, messages = execute(kc, "%classpath")
    shown = [m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "display_data"]
    if not shown or not shown[0].startswith("class path ("):
        fail("%%classpath showed %s" % shown)
    print("%%classpath lists %s" % shown[0].splitlines()[0])
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    deadline = time.time() + 30
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.2)
    if km.is_alive():
        km.shutdown_kernel(now=True)
        fail("the kernel outlived its shutdown request")
print("shutdown request ended the kernel process")
print("PROTOCOL OK")
