# Deliberately broken: the Python runtime fails to load it in /init, so the activation is a developer error whose
# logs carry the SyntaxError.
def main(args)
    return {"never": "reached"}
