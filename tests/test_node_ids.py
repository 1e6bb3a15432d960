"""pohon.nodes is the one home of node ids: nothing else builds or takes them apart."""


def test_no_module_takes_node_ids_apart_by_hand():
    """Node ids are built and read by pohon.nodes (node_id, parse_id, kind_of, code_of, without_kind): a
    `split(":")` elsewhere would read an SS name holding a colon, or a future id shape, wrongly."""
    import re
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "pohon"
    offenders = []
    for path in src.rglob("*.py"):
        rel = path.relative_to(src).as_posix()
        if rel == "nodes.py" or rel.startswith("extract/") or rel == "trace.py":  # trace parses what a user typed
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""\.(r?split|r?partition)\(\s*["']:["']""", line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
