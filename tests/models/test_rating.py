"""NudeNet post-processing on hand-made raw outputs: class maxima, rating rules, boxes and NMS."""

from __future__ import annotations

import numpy as np
import pytest

from acgdesk.models import catalogue
from acgdesk.models.families import rating
from acgdesk.models.families.rating import LABELS, RATINGS

C = len(LABELS)


def raw_with(
    boxes: list[tuple[tuple[float, float, float, float], dict[str, float]]], total: int = 50
) -> np.ndarray:
    """A [1, 22, total] output: the given boxes (cx, cy, w, h in model pixels; class -> score) first,
    then background boxes with tiny random scores."""
    rng = np.random.default_rng(0)
    raw = np.zeros((1, 4 + C, total), np.float32)
    raw[0, :4, :] = rng.uniform(10, 300, (4, total))
    raw[0, 4:, :] = rng.uniform(0, 0.01, (C, total))
    for b, (box, scores) in enumerate(boxes):
        raw[0, :4, b] = box
        for name, value in scores.items():
            raw[0, 4 + LABELS.index(name), b] = value
    return raw


def test_maxima_credit_only_each_boxs_top_class():
    raw = raw_with(
        [
            ((100, 100, 20, 20), {"FACE_FEMALE": 0.9, "FEMALE_BREAST_EXPOSED": 0.6}),
            ((200, 200, 20, 20), {"FEMALE_BREAST_EXPOSED": 0.4}),
            ((50, 50, 20, 20), {"FACE_FEMALE": 0.7}),
        ]
    )
    m = rating.class_maxima(raw)[0]
    assert m[LABELS.index("FACE_FEMALE")] == pytest.approx(0.9)
    # the 0.6 belongs to a face box; the breast box on its own scored 0.4
    assert m[LABELS.index("FEMALE_BREAST_EXPOSED")] == pytest.approx(0.4)
    assert m.shape == (C,) and (m < 0.02).sum() == C - 2


def test_rating_cascade_rules():
    def probs(**levels: float) -> dict[str, float]:
        m = np.zeros((1, C))
        for name, value in levels.items():
            m[0, LABELS.index(name)] = value
        return dict(zip(RATINGS, rating.rating_probabilities(m)[0], strict=True))

    assert probs() == {"general": 1.0, "sensitive": 0.0, "questionable": 0.0, "explicit": 0.0}
    assert probs(FACE_FEMALE=0.99, FEET_EXPOSED=0.9, BELLY_COVERED=0.9)["general"] == 1.0
    p = probs(ANUS_EXPOSED=0.8, FEMALE_BREAST_EXPOSED=0.5, BELLY_EXPOSED=0.5)
    assert p["explicit"] == pytest.approx(0.8)
    assert p["questionable"] == pytest.approx(0.2 * 0.5)
    assert p["sensitive"] == pytest.approx(0.2 * 0.5 * 0.5)
    assert sum(p.values()) == pytest.approx(1.0)
    assert max(p, key=p.get) == "explicit"
    assert max(probs(BUTTOCKS_EXPOSED=0.7).items(), key=lambda kv: kv[1])[0] == "questionable"
    assert max(probs(FEMALE_BREAST_COVERED=0.8).items(), key=lambda kv: kv[1])[0] == "sensitive"


def test_predictions_from_raw_fill_tags_and_scores():
    spec = catalogue.get("nudenet-320n")
    raw = np.concatenate([raw_with([((100, 100, 20, 20), {"MALE_GENITALIA_EXPOSED": 0.95})]), raw_with([])])
    first, second = rating.predictions_from_raw(spec, raw)
    assert first.model == second.model == spec.key
    assert {t.name: t.probability for t in first.tags}["explicit"] == pytest.approx(0.95)
    assert first.scores["nudenet:MALE_GENITALIA_EXPOSED"] == pytest.approx(0.95)
    assert {t.name: t.probability for t in second.tags}["general"] > 0.95
    assert all(t.category == "rating" for t in first.tags + second.tags)


def test_detect_maps_boxes_through_the_centred_pad():
    # a 640x320 image: side 640, scale 2, 160 px of black above and below
    raw = raw_with([((160, 160, 40, 20), {"FEET_EXPOSED": 0.8})])
    (dets,) = rating.detect(raw, [(640, 320)])
    assert len(dets) == 1
    d = dets[0]
    assert d.label == "FEET_EXPOSED" and d.score == pytest.approx(0.8)
    assert d.box == pytest.approx((280.0, 140.0, 80.0, 40.0))


def test_detect_clips_to_the_image_and_applies_nms_across_classes():
    raw = raw_with(
        [
            ((100, 100, 40, 40), {"FACE_FEMALE": 0.9}),
            ((102, 101, 40, 40), {"FACE_MALE": 0.6}),  # overlaps the face: suppressed (class-agnostic)
            ((250, 250, 30, 30), {"FEET_COVERED": 0.5}),  # elsewhere: kept
            ((5, 5, 40, 40), {"ARMPITS_COVERED": 0.3}),  # runs off the top-left corner: clipped
            ((250, 60, 30, 30), {"BELLY_COVERED": 0.2}),  # below the threshold
        ]
    )
    (dets,) = rating.detect(raw, [(320, 320)], threshold=0.25, iou=0.45)
    assert [d.label for d in dets] == ["FACE_FEMALE", "FEET_COVERED", "ARMPITS_COVERED"]
    assert dets[2].box == pytest.approx((0.0, 0.0, 25.0, 25.0))
    assert rating.detect(raw_with([]), [(100, 100)]) == [[]]


def test_nms_keeps_everything_when_nothing_overlaps():
    boxes = np.array([[0, 0, 10, 10], [20, 20, 30, 30], [40, 40, 50, 50]], np.float32)
    kept = rating._nms(boxes, np.array([0.5, 0.9, 0.7], np.float32), 0.45)
    assert kept.tolist() == [1, 2, 0]
