"""Keep the GUI's translation catalogues (resources/translations/acgdesk_<lang>.ts) in step with the code.

    .venv/bin/python packaging/translations.py update [--seed LANG=FILE.json ...]
    .venv/bin/python packaging/translations.py check
    .venv/bin/python packaging/translations.py build [--out DIR]

``update`` runs Qt's ``pyside6-lupdate`` over ``acgdesk/gui/**/*.py`` and writes each catalogue
again: every message the code has, with the translation the catalogue already had for it (or one
from a seed file: a JSON object ``{"source": "translation", "Context|source": "translation"}``,
a list of forms for a plural), and nothing the code no longer has (no "vanished"/"obsolete"
entries). It prints what is still unfinished. ``check`` says whether every catalogue is complete;
``build`` compiles them into .qm files with ``pyside6-lrelease`` (what packaging/setup.sh runs).

Why not lupdate alone: several GUI modules translate through a module-level ``tr(text)`` helper
bound to a fixed context (``QCoreApplication.translate("jobs", text)``). lupdate files those calls
under the enclosing class, or under no context at all, so the translations would never be found at
run time. This script reads each module's syntax tree and files bare ``tr(...)`` calls under the
context that module's helper really uses.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "acgdesk" / "gui"
TS_DIR = ROOT / "resources" / "translations"
# language code -> (Qt language attribute, number of plural forms Qt expects)
LANGUAGES = {"zh_CN": ("zh_CN", 1), "zh_TW": ("zh_TW", 1), "ja": ("ja_JP", 1), "en": ("en_US", 2)}
# English needs only its plural forms ("1 image" / "2 images"): lupdate -pluralonly
PLURAL_ONLY = {"en"}
# functions that take ``tr`` from a QObject rather than a module helper
BARE_TR_CONTEXT = {"view/viewer_status.py": "Viewer", "view/info_overlay.py": "InfoOverlay"}


def tool(name: str) -> str:
    """A PySide6 tool: next to this Python (the venv), else on PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (pip install PySide6 into the venv)")
    return found


def gui_sources() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if "__pycache__" not in p.parts)


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module-level ``def tr(text): return QCoreApplication.translate("ctx", text)``."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    return str(call.args[0].value)
    return None


def bare_tr_contexts() -> dict[Path, tuple[str, set[str]]]:
    """For each GUI file that calls a bare ``tr("...")``: the run-time context and those sources."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in gui_sources()}
    helpers = {p: c for p, t in trees.items() if (c := _helper_context(t))}
    by_module = {".".join(p.relative_to(ROOT).with_suffix("").parts): c for p, c in helpers.items()}
    out: dict[Path, tuple[str, set[str]]] = {}
    for path, tree in trees.items():
        context = helpers.get(path) or BARE_TR_CONTEXT.get(path.relative_to(GUI).as_posix())
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and any(a.name == "tr" for a in node.names):
                context = by_module.get(node.module or "", context)
        sources = {
            node.args[0].value
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "tr"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        }
        if sources and context:
            out[path] = (context, sources)
    return out


def message_key(context: str, message: ET.Element) -> tuple[str, str, str]:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def read_catalogue(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    """Finished translations by (context, source, comment)."""
    if not path.exists():
        return {}
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                found[message_key(name, message)] = translation
    return found


def lupdate(lang: str, workdir: Path) -> ET.Element:
    ts = workdir / f"acgdesk_{lang}.ts"
    args = [tool("pyside6-lupdate"), *map(str, gui_sources()), "-locations", "absolute", "-no-obsolete"]
    if lang in PLURAL_ONLY:
        args.append("-pluralonly")
    subprocess.run(
        [*args, "-target-language", LANGUAGES[lang][0], "-ts", str(ts)], check=True, capture_output=True
    )
    root = ET.parse(ts).getroot()
    # lupdate writes file names relative to the .ts file (workdir), whatever -locations says: make
    # them absolute here, not relative to the current folder (which only worked when both folders
    # happened to lie at the same depth)
    for loc in root.iter("location"):
        name = loc.get("filename")
        if name and not Path(name).is_absolute():
            loc.set("filename", str((workdir / name).resolve()))
    return root


def regroup(root: ET.Element, bare: dict[Path, tuple[str, set[str]]]) -> dict[str, list[ET.Element]]:
    """Messages by their run-time context, each message once per context (its files listed once).

    One lupdate message can stand for calls in several modules whose helpers use different
    contexts (``tr("Favourite")`` in two files): it becomes one message in each of them."""
    contexts: dict[str, dict[tuple[str, str], tuple[ET.Element, list[str]]]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            key = (source, message.findtext("comment") or "")
            locations = message.findall("location")
            for loc in locations:  # all of them first: the copy below must hold none
                message.remove(loc)
            for loc in locations:
                path = Path(loc.get("filename", "")).resolve()
                hit = bare.get(path)
                target = hit[0] if hit and source in hit[1] else name
                group = contexts.setdefault(target, {})
                if key not in group:
                    group[key] = (copy.deepcopy(message), [])
                # file names only, no line numbers: the catalogues don't change with every edit
                where = "../../" + path.relative_to(ROOT).as_posix()
                if where not in group[key][1]:
                    group[key][1].append(where)
    out: dict[str, list[ET.Element]] = {}
    for target, group in sorted(contexts.items()):
        out[target] = []
        for message, files in group.values():
            for i, where in enumerate(sorted(files)):
                message.insert(i, ET.Element("location", filename=where))
            out[target].append(message)
    return out


def lookup(seed: dict, context: str, source: str):
    return seed.get(f"{context}|{source}", seed.get(source))


def fill(message: ET.Element, context: str, known, seed: dict, forms: int) -> bool:
    """Set the message's translation (kept, or from the seed); False when it is still unfinished."""
    old = message.find("translation")
    if old is not None:
        message.remove(old)
    translation = ET.SubElement(message, "translation")
    previous = known.get(message_key(context, message))
    numerus = message.get("numerus") == "yes"
    value = lookup(seed, context, message.findtext("source") or "")
    if value is not None:
        texts = value if isinstance(value, list) else [value] * (forms if numerus else 1)
    elif previous is not None:
        texts = [f.text or "" for f in previous.findall("numerusform")] if numerus else [previous.text or ""]
    else:
        texts = []
    ok = bool(texts) and all(texts) and (len(texts) == forms if numerus else len(texts) == 1)
    if not ok:
        translation.set("type", "unfinished")
        texts = [""] * (forms if numerus else 1)
    if numerus:
        for text in texts:
            ET.SubElement(translation, "numerusform").text = text
    else:
        translation.text = texts[0]
    return ok


def update(seeds: dict[str, dict]) -> int:
    bare = bare_tr_contexts()
    missing = 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang, (qt_lang, forms) in LANGUAGES.items():
            path = TS_DIR / f"acgdesk_{lang}.ts"
            known = read_catalogue(path)
            groups = regroup(lupdate(lang, Path(tmp)), bare)
            root = ET.Element("TS", version="2.1", language=qt_lang, sourcelanguage="en_US")
            todo = []
            for name, messages in groups.items():
                context = ET.SubElement(root, "context")
                ET.SubElement(context, "name").text = name
                for message in messages:
                    context.append(message)
                    if not fill(message, name, known, seeds.get(lang, {}), forms):
                        todo.append(f"{name}|{message.findtext('source')}")
            ET.indent(root, space="    ")
            body = ET.tostring(root, encoding="unicode")
            path.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
            )
            count = sum(len(m) for m in groups.values())
            print(f"{path.relative_to(ROOT)}: {count} messages, {len(todo)} unfinished")
            for line in todo:
                print("    " + json.dumps(line, ensure_ascii=False))
            missing += len(todo)
    return 1 if missing else 0


PLACEHOLDER = re.compile(r"%L?n|%\d+|\{[a-z_]*(?::[^}]*)?\}")


def problems(path: Path) -> list[str]:
    """What keeps a catalogue from being complete (see tests/test_translation_catalogues.py)."""
    root = ET.parse(path).getroot()
    lang = path.stem.removeprefix("acgdesk_")
    forms = LANGUAGES[lang][1]
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            where = f"{path.name}: {name}|{source!r}"
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                out.append(f"{where}: {translation.get('type') if translation is not None else 'missing'}")
                continue
            if message.get("numerus") == "yes":
                texts = [f.text or "" for f in translation.findall("numerusform")]
                if len(texts) != forms:
                    out.append(f"{where}: {len(texts)} plural forms, {lang} has {forms}")
            else:
                texts = [translation.text or ""]
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for text in texts:
                if not text.strip():
                    out.append(f"{where}: empty")
                elif sorted(set(PLACEHOLDER.findall(text))) != wanted:
                    out.append(f"{where}: placeholders {wanted} -> {sorted(set(PLACEHOLDER.findall(text)))}")
    return out


def build(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(TS_DIR.glob("acgdesk_*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update")
    up.add_argument("--seed", action="append", default=[], metavar="LANG=FILE.json")
    sub.add_parser("check")
    b = sub.add_parser("build")
    b.add_argument("--out", type=Path, default=TS_DIR)
    args = parser.parse_args(argv)
    if args.command == "update":
        seeds: dict[str, dict] = {}
        for item in args.seed:
            lang, _, file = item.partition("=")
            seeds.setdefault(lang, {}).update(json.loads(Path(file).read_text(encoding="utf-8")))
        return update(seeds)
    if args.command == "check":
        found = [p for ts in sorted(TS_DIR.glob("acgdesk_*.ts")) for p in problems(ts)]
        print("\n".join(found) or "all catalogues complete")
        return 1 if found else 0
    for qm in build(args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
