def main(args):
    return {"greeting": "hello " + str(args.get("name", "world"))}
