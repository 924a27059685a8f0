# Action runtime for python kinds: serves POST /init and POST /run on 127.0.0.1:<port> with the answers of the
# official OpenWhisk Python runtime (ActionLoop proxy + launcher). Standard library only; one request at a time.
# Usage: python3 python-proxy.py <port> <work directory> <memory MB>
# With port 0 it binds any free port and, once listening, prints PORT_ANNOUNCEMENT and the port as a line on stdout:
# the parent never picks a port for it that another process could take in the meantime.
import json
import os
import selectors
import socket
import sys

SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX\n"
PORT_ANNOUNCEMENT = "XXX_OPENWHISK_RUNTIME_LISTENS_ON_PORT_XXX "
MAX_BODY_BYTES = 48 * 1024 * 1024
REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 411: "Length Required",
           413: "Payload Too Large", 500: "Internal Server Error", 502: "Bad Gateway"}

port = int(sys.argv[1])
work_directory = sys.argv[2]
memory_mb = int(sys.argv[3])
action = None


def write_sentinels():
    sys.stdout.write(SENTINEL)
    sys.stdout.flush()
    sys.stderr.write(SENTINEL)
    sys.stderr.flush()


def print_traceback():
    import traceback
    traceback.print_exc(file=sys.stderr)


def exit_with_parent():
    """Only the JVM that started this runtime holds the other end of stdin: end of file means it died, however it
    died. The runtime then ends, with its process group when it leads one (it was started through setsid)."""
    import signal
    import threading

    def watch():
        try:
            while os.read(0, 65536):
                pass
        except OSError:
            pass
        if os.getpgid(0) == os.getpid():
            os.killpg(0, signal.SIGKILL)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


# ---------- loading the action ----------

def unpack(code, directory):
    import base64
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(code))) as archive:
        root = os.path.realpath(directory)
        for name in archive.namelist():
            target = os.path.realpath(os.path.join(directory, name))
            if target != root and not target.startswith(root + os.sep):
                raise ValueError("zip entry '%s' points outside the action directory" % name)
        archive.extractall(directory)
    entry = os.path.join(directory, "__main__.py")
    if not os.path.exists(entry):
        raise ValueError("Zip file does not include mandatory files: __main__.py is missing")
    os.replace(entry, os.path.join(directory, "main__.py"))
    activate = os.path.join(directory, "virtualenv", "bin", "activate_this.py")
    if os.path.exists(activate):
        with open(activate) as source:
            exec(compile(source.read(), activate, "exec"), {"__file__": activate})


def load(value):
    import importlib
    import tempfile
    directory = tempfile.mkdtemp(prefix="action-", dir=work_directory)
    if value.get("binary"):
        unpack(value["code"], directory)
    else:
        with open(os.path.join(directory, "main__.py"), "w", encoding="utf-8") as source:
            source.write(value["code"])
    sys.path.insert(0, directory)
    module = importlib.import_module("main__")
    name = value.get("main") or "main"
    function = getattr(module, name, None)
    if not callable(function):
        raise AttributeError("module 'main__' has no function '%s'" % name)
    return function


def apply_environment(env):
    if isinstance(env, dict):
        for key, val in env.items():
            os.environ[key] = val if isinstance(val, str) else json.dumps(val)


# ---------- endpoints ----------

def init(message):
    global action
    if action is not None:
        return 403, {"error": "Cannot initialize the action more than once."}
    value = message.get("value") if isinstance(message, dict) else None
    if not isinstance(value, dict) or not value.get("code"):
        return 403, {"error": "Missing main/no code to execute."}
    try:
        apply_environment(value.get("env"))
        action = load(value)
        return 200, {"ok": True}
    except BaseException:
        print_traceback()
        write_sentinels()
        return 502, {"error": "Cannot start action. Check logs for details."}


def run(message):
    if action is None:
        return 500, {"error": "no action defined yet"}
    if not isinstance(message, dict):
        message = {}
    for key, val in message.items():
        if key != "value":
            os.environ["__OW_" + key.upper()] = val if isinstance(val, str) else json.dumps(val)
    try:
        result = action(message.get("value", {}))
    except MemoryError:
        print_traceback()
        write_sentinels()
        return 502, {"error": "The action exceeded its memory limit of %d MB." % memory_mb}
    except Exception as ex:
        print_traceback()
        result = {"error": str(ex)}
    sys.stdout.flush()
    sys.stderr.flush()
    write_sentinels()
    if not isinstance(result, (dict, list)):
        return 502, {"error": "The action did not return a dictionary or array."}
    return 200, result


ROUTES = {b"/init": init, b"/run": run}


# ---------- HTTP/1.1 over a selector loop ----------

def respond(connection, status, value):
    try:
        body = json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as ex:
        status, body = 502, json.dumps({"error": "The action result is not JSON: %s" % ex}).encode("utf-8")
    head = "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (
        status, REASONS.get(status, "Error"), len(body))
    connection.sendall(head.encode("ascii") + body)


def handle(connection, buffer):
    """Answers every complete request in buffer; returns False when the connection must close."""
    while True:
        end = buffer.find(b"\r\n\r\n")
        if end < 0:
            return True
        lines = bytes(buffer[:end]).split(b"\r\n")
        parts = lines[0].split(b" ")
        headers = {}
        for line in lines[1:]:
            name, _, val = line.partition(b":")
            headers[name.strip().lower()] = val.strip()
        if b"content-length" not in headers:
            if headers.get(b"transfer-encoding"):
                respond(connection, 411, {"error": "Send the request with a Content-Length."})
                return False
            length = 0
        elif headers[b"content-length"].isdigit():
            length = int(headers[b"content-length"])
        else:
            respond(connection, 400, {"error": "Content-Length is not a number."})
            return False
        if length > MAX_BODY_BYTES:
            respond(connection, 413, {"error": "Request larger than %d bytes." % MAX_BODY_BYTES})
            return False
        if len(buffer) < end + 4 + length:
            return True
        body = bytes(buffer[end + 4:end + 4 + length])
        del buffer[:end + 4 + length]
        route = ROUTES.get(parts[1]) if len(parts) > 1 and parts[0] == b"POST" else None
        if route is None:
            respond(connection, 404, {"error": "Use POST /init or POST /run."})
            continue
        try:
            message = json.loads(body) if body else {}
        except ValueError as ex:
            respond(connection, 400, {"error": "Error unmarshaling request: %s" % ex})
            continue
        status, value = route(message)
        respond(connection, status, value)
        if headers.get(b"connection", b"").lower() == b"close":
            return False


def serve():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(16)
    if port == 0:
        sys.stdout.write("%s%d\n" % (PORT_ANNOUNCEMENT, server.getsockname()[1]))
        sys.stdout.flush()
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            if key.fileobj is server:
                connection, _ = server.accept()
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                selector.register(connection, selectors.EVENT_READ, bytearray())
                continue
            connection, buffer = key.fileobj, key.data
            try:
                chunk = connection.recv(1 << 20)
                if chunk:
                    buffer += chunk
                    if handle(connection, buffer):
                        continue
            except OSError:
                pass
            selector.unregister(connection)
            connection.close()


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    # Only a process runtime has a parent JVM at the other end of stdin; in a Docker container stdin is closed.
    if os.environ.get("OPENWHISK_EMBEDDED_PROCESS"):
        exit_with_parent()
    serve()
