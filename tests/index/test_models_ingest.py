"""Model stages inside indexing: predictions stored per model, only missing work redone, user tags kept."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
import pytest
from PIL import Image

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import TagIds, effective_tags, reject_tags, set_user_tags, vector_generation
from acgdesk.library import Library
from acgdesk.models.results import Prediction, TagScore
from acgdesk.models.spec import ModelSpec, Preprocess, Runtime, Task


def spec(model_id: str, task: Task = Task.TAGGER, size: int = 64) -> ModelSpec:
    return ModelSpec(
        id=model_id,
        version="t1",
        name=model_id,
        family="test",
        task=task,
        runtime=Runtime.NONE,
        source=None,
        licence="test",
        description="test model",
        preprocess=Preprocess(size=size),
    )


@dataclass
class ColourModel:
    """A real (tiny) model: tags an image by its dominant channel, embeds its mean colour."""

    spec: ModelSpec
    fail_on_green: bool = False
    calls: list[int] = field(default_factory=list)
    sizes: list[tuple[int, int]] = field(default_factory=list)

    def predict(self, images):
        self.calls.append(len(images))
        out = []
        for im in images:
            self.sizes.append(im.size)
            mean = np.asarray(im.convert("RGB"), dtype=np.float32).reshape(-1, 3).mean(axis=0) / 255
            if self.fail_on_green and mean[1] > 0.5:
                raise ValueError("green is not supported")
            names = ["red", "green", "blue"]
            tags = [TagScore(n, "general", float(p)) for n, p in zip(names, mean, strict=True) if p >= 0.05]
            tags.append(TagScore("rating_general", "rating", 1.0))
            out.append(
                Prediction(
                    self.spec.key,
                    tags=tags,
                    embedding=mean / np.linalg.norm(mean),
                    scores={"brightness": float(mean.mean())},
                )
            )
        return out

    def close(self):
        pass


@pytest.fixture
def art(tmp_path):
    folder = tmp_path / "art"
    folder.mkdir()
    Image.new("RGB", (900, 600), (230, 5, 5)).save(folder / "red.png")
    Image.new("RGB", (300, 500), (5, 5, 230)).save(folder / "blue.jpg", quality=95)
    Image.new("RGB", (200, 200), (5, 230, 5)).save(folder / "green.webp")
    return folder


def file_id(lib, name):
    return lib.db.execute("SELECT id FROM files WHERE path LIKE ?", (f"%/{name}",)).fetchone()[0]


def test_predictions_are_stored_with_the_model_key(tmp_path, art):
    tagger = ColourModel(spec("colour", size=768))
    with Library.open(tmp_path / "lib") as lib:
        report = lib.index([art], models=[tagger])
        assert report.ok == 3
        red = file_id(lib, "red.png")
        tags = {
            r[0]: (r[1], r[2], r[3])
            for r in lib.db.execute(
                "SELECT t.name, t.category, ft.source, ft.probability FROM file_tags ft "
                "JOIN tags t ON t.id = ft.tag_id WHERE ft.file_id = ?",
                (red,),
            )
        }
        assert tags["red"][2] == pytest.approx(230 / 255, abs=0.01) and tags["red"][1] == "colour@t1"
        assert tags["rating_general"][0] == "rating"
        assert "blue" not in tags  # below the 0.05 floor the model applied
        dim, blob = lib.db.execute("SELECT dim, vector FROM embeddings WHERE file_id = ?", (red,)).fetchone()
        vec = np.frombuffer(blob, dtype=np.float32)
        assert dim == 3 and np.argmax(vec) == 0 and np.linalg.norm(vec) == pytest.approx(1, abs=1e-5)
        assert lib.db.execute("SELECT kind, model FROM scores WHERE file_id = ?", (red,)).fetchall() == [
            ("brightness", "colour@t1")
        ]
        assert lib.db.execute("SELECT COUNT(*) FROM model_runs WHERE model = 'colour@t1'").fetchone()[0] == 3
    # The decode size followed the model's input size (768) instead of the 512 default.
    assert max(max(size) for size in tagger.sizes) == 768


def test_rerun_skips_done_work_and_a_new_model_only_runs_where_missing(tmp_path, art):
    first, second = ColourModel(spec("first")), ColourModel(spec("second"))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=[first])
        assert sum(first.calls) == 3
        again = lib.index([art], models=[first])
        assert again.processed == 0 and sum(first.calls) == 3
        added = lib.index([art], models=[first, second])
        assert added.processed == 3 and sum(first.calls) == 3 and sum(second.calls) == 3
        sources = {r[0] for r in lib.db.execute("SELECT DISTINCT source FROM file_tags")}
        assert sources == {"first@t1", "second@t1"}  # the second model's tags sit beside the first's
        Image.new("RGB", (64, 64), (200, 200, 10)).save(art / "new.png")
        lib.index([art], models=[first, second])
        assert sum(first.calls) == 4 and sum(second.calls) == 4


def test_user_tags_survive_model_reruns_and_rejections_stick(tmp_path, art):
    tagger = ColourModel(spec("colour"))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=[tagger])
        red = file_id(lib, "red.png")
        ids = TagIds()
        with transaction(lib.db) as conn:
            assert set_user_tags(conn, ids, red, ["Favourite Art", "cat ears"]) == [
                "favourite_art",
                "cat_ears",
            ]
            reject_tags(conn, ids, red, ["rating_general", "cat_ears"])
        lib.index([art], models=[tagger], force=True)  # retag everything
        assert sum(tagger.calls) == 6
        shown = {t["name"]: t for t in effective_tags(lib.db.conn, red, {"general": 0.5})}
        assert "favourite_art" in shown and shown["favourite_art"]["sources"] == ["user"]
        assert "cat_ears" not in shown  # a user tag the user removed is simply gone
        assert "rating_general" not in shown  # a model tag the user rejected stays hidden after retag
        assert "red" in shown and "green" not in shown  # thresholds apply to model tags only


def test_a_model_failing_on_one_image_is_recorded_and_the_rest_goes_on(tmp_path, art):
    tagger = ColourModel(spec("picky"), fail_on_green=True)
    with Library.open(tmp_path / "lib") as lib:
        report = lib.index([art], models=[tagger])
        assert report.ok == 3 and report.errors == 0
        errors = dict(
            lib.db.execute("SELECT f.path, r.error FROM model_runs r JOIN files f ON f.id = r.file_id")
        )
        green = next(p for p in errors if p.endswith("green.webp"))
        assert "green is not supported" in errors[green]
        assert sum(e is None for e in errors.values()) == 2
        # Failed work is retried on the next run, done work is not.
        tagger.fail_on_green = False
        lib.index([art], models=[tagger])
        assert lib.db.execute("SELECT COUNT(*) FROM model_runs WHERE error IS NULL").fetchone()[0] == 3


def test_a_taggers_rating_head_takes_over_from_nudenet_and_the_user_beats_both(tmp_path, art):
    from acgdesk.db.predictions import replace_model_tags

    with Library.open(tmp_path / "lib") as lib:
        lib.index([art])
        red = file_id(lib, "red.png")
        ids = TagIds()
        with transaction(lib.db) as conn:
            replace_model_tags(conn, ids, red, "nudenet-320n@3.4.2", [("general", "rating", 0.99)])
        assert lib.show(red)["rating"] == {
            "rating": "general",
            "probability": 0.99,
            "source": "nudenet-320n@3.4.2",
        }
        with transaction(lib.db) as conn:
            replace_model_tags(
                conn,
                ids,
                red,
                "wd-swinv2-tagger-v3@v3",
                [("general", "rating", 0.2), ("sensitive", "rating", 0.7)],
            )
        assert lib.show(red)["rating"]["rating"] == "sensitive"  # the tagger's head, though less sure
        shown = [t for t in lib.tags_of(red) if t["category"] == "rating"]
        assert [(t["name"], t["sources"]) for t in shown] == [("sensitive", ["wd-swinv2-tagger-v3@v3"])]
        lib.add_tags(red, ["explicit"])
        assert lib.show(red)["rating"]["rating"] == "explicit"


def model_output(lib, fid, key):
    """Everything a model left on a row: tags, embedding bytes, scores, and whether it ran."""
    tags = sorted(
        lib.db.execute(
            "SELECT t.name, ft.probability FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
            "WHERE ft.file_id = ? AND ft.source = ?",
            (fid, key),
        ).fetchall()
    )
    vec = lib.db.execute(
        "SELECT vector FROM embeddings WHERE file_id = ? AND model = ?", (fid, key)
    ).fetchone()
    scores = dict(
        lib.db.execute("SELECT kind, value FROM scores WHERE file_id = ? AND model = ?", (fid, key))
    )
    ran = lib.db.execute(
        "SELECT error FROM model_runs WHERE file_id = ? AND model = ?", (fid, key)
    ).fetchone()
    return tags, vec[0] if vec else None, scores, ran


def test_identical_bytes_are_not_analysed_twice_and_carry_the_same_output(tmp_path, art):
    """A copy (or content moved in from elsewhere) takes the output the models gave its twin: the
    models are not run on it, yet it is tagged, embedded and scored like the original."""
    import shutil

    tagger = ColourModel(spec("colour"))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=[tagger])
        assert sum(tagger.calls) == 3
        generation = vector_generation(lib.db.conn, tagger.spec.key)
        shutil.copy2(art / "red.png", art / "red copy.png")
        (art / "sub").mkdir()
        shutil.copy2(art / "blue.jpg", art / "sub" / "blue again.jpg")
        Image.new("RGB", (64, 64), (200, 200, 10)).save(art / "yellow.png")  # new bytes: analysed
        report = lib.index([art], models=[tagger])
        assert report.ok == 3
        assert sum(tagger.calls) == 4  # only yellow.png went through the model
        key = tagger.spec.key
        for original, copy in (("red.png", "red copy.png"), ("blue.jpg", "blue again.jpg")):
            first, second = (
                model_output(lib, file_id(lib, original), key),
                model_output(lib, file_id(lib, copy), key),
            )
            assert second == first and first[0] and first[1] is not None and first[3] == (None,)
        red_copy = file_id(lib, "red copy.png")
        assert "red" in {t["name"] for t in effective_tags(lib.db.conn, red_copy, {})}
        # The vector index learns of the copied vector: the model's generation moved on.
        assert vector_generation(lib.db.conn, key) > generation


def test_a_file_overwritten_with_known_bytes_takes_their_output_not_its_old_one(tmp_path, art):
    tagger = ColourModel(spec("colour"))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=[tagger])
        key = tagger.spec.key
        green = file_id(lib, "green.webp")
        (art / "other.png").write_bytes((art / "red.png").read_bytes())
        os.replace(art / "other.png", art / "green.webp")  # green.webp now holds red.png's bytes
        calls = sum(tagger.calls)
        lib.index([art], models=[tagger])
        assert sum(tagger.calls) == calls  # nothing new to analyse
        assert file_id(lib, "green.webp") == green
        assert model_output(lib, green, key) == model_output(lib, file_id(lib, "red.png"), key)


def test_force_runs_the_models_even_on_known_bytes(tmp_path, art):
    import shutil

    tagger = ColourModel(spec("colour"))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=[tagger])
        shutil.copy2(art / "red.png", art / "red copy.png")
        lib.index([art], models=[tagger], force=True)
        assert sum(tagger.calls) == 3 + 4
